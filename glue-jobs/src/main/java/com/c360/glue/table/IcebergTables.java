package com.c360.glue.table;

import com.c360.contract.LakeSchemas;
import com.c360.contract.TableCatalog;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/**
 * The silver and gold Iceberg tables. The first job that needs one creates it, from the contract's columns, so
 * Glue, Athena and the local runtime see one definition; CDK declares none.
 *
 * <ul>
 *   <li>Format 2: Athena reads it and cannot read 3.</li>
 *   <li>Serializable isolation: a MERGE that raced another on the same rows fails validation instead of committing a
 *       lost update.</li>
 *   <li>Silver is copy-on-write: its readers never merge delete files, and a commit's removed files hold exactly the
 *       rows it replaced (silver→gold reads them). Gold is merge-on-read: an upload touches customers spread over
 *       every gold file, and copy-on-write would rewrite all of gold for each; position deletes (which Athena engine
 *       v3 reads) keep a MERGE's writes to the rows it changed.</li>
 *   <li>Rows written in key order, so a file's min/max statistics let a MERGE skip the files its keys cannot be in.</li>
 * </ul>
 */
public final class IcebergTables {
    static final String COMMIT_RETRIES = "10";
    static final String MERGE_MODE = "write.merge.mode";
    private static final String COPY_ON_WRITE = "copy-on-write";
    private static final String MERGE_ON_READ = "merge-on-read";

    private IcebergTables() {
    }

    public static Table silver(SparkSession spark, TableCatalog catalog) {
        return ensure(spark, catalog.silverTable(), LakeSchemas.SILVER_TABLE, "purchase_id", COPY_ON_WRITE);
    }

    public static Table gold(SparkSession spark, TableCatalog catalog) {
        return ensure(spark, catalog.goldTable(), LakeSchemas.GOLD, "customer_id", MERGE_ON_READ);
    }

    /** The table as of now: a fresh load, never a cached one, since other runs commit in between. */
    public static Table load(SparkSession spark, String table) {
        try {
            return Spark3Util.loadIcebergTable(spark, table);
        } catch (org.apache.spark.sql.catalyst.parser.ParseException
                 | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("Cannot load Iceberg table " + table, e);
        }
    }

    private static Table ensure(SparkSession spark, String table, List<LakeSchemas.Column> columns, String key,
            String mergeMode) {
        if (!spark.catalog().tableExists(table)) {
            create(spark, table, columns, key, mergeMode);
        }
        Table loaded = load(spark, table);
        // Tables created before the mode was chosen per table take it over once.
        if (!mergeMode.equals(loaded.properties().get(MERGE_MODE))) {
            loaded.updateProperties().set(MERGE_MODE, mergeMode).commit();
            loaded.refresh();
        }
        return loaded;
    }

    private static void create(SparkSession spark, String table, List<LakeSchemas.Column> columns, String key,
            String mergeMode) {
        String namespace = table.substring(0, table.lastIndexOf('.'));
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
        String ddl = columns.stream().map(column -> column.name() + " " + column.type())
                .collect(Collectors.joining(", "));
        try {
            spark.sql("CREATE TABLE IF NOT EXISTS " + table + " (" + ddl + ") USING iceberg TBLPROPERTIES ("
                    + "'format-version'='" + TableCatalog.FORMAT_VERSION + "', "
                    + "'" + MERGE_MODE + "'='" + mergeMode + "', "
                    + "'write.merge.isolation-level'='serializable', "
                    + "'commit.retry.num-retries'='" + COMMIT_RETRIES + "')");
        } catch (RuntimeException e) {
            // Another run's CREATE landed between the existence check and this one: the table is there, as wanted.
            if (!spark.catalog().tableExists(table)) {
                throw e;
            }
        }
        spark.sql("ALTER TABLE " + table + " WRITE ORDERED BY " + key);
    }
}
