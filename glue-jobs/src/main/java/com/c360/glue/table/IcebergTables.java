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
 *   <li>Copy-on-write with serializable isolation: readers (Athena included) never merge delete files, and a MERGE
 *       that raced another on the same rows fails validation instead of committing a lost update.</li>
 *   <li>Rows written in key order, so a file's min/max statistics let a MERGE skip the files its keys cannot be in.</li>
 * </ul>
 */
public final class IcebergTables {
    static final String COMMIT_RETRIES = "10";

    private IcebergTables() {
    }

    public static Table silver(SparkSession spark, TableCatalog catalog) {
        return ensure(spark, catalog.silverTable(), LakeSchemas.SILVER_TABLE, "purchase_id");
    }

    public static Table gold(SparkSession spark, TableCatalog catalog) {
        return ensure(spark, catalog.goldTable(), LakeSchemas.GOLD, "customer_id");
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

    private static Table ensure(SparkSession spark, String table, List<LakeSchemas.Column> columns, String key) {
        if (!spark.catalog().tableExists(table)) {
            create(spark, table, columns, key);
        }
        return load(spark, table);
    }

    private static void create(SparkSession spark, String table, List<LakeSchemas.Column> columns, String key) {
        String namespace = table.substring(0, table.lastIndexOf('.'));
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
        String ddl = columns.stream().map(column -> column.name() + " " + column.type())
                .collect(Collectors.joining(", "));
        try {
            spark.sql("CREATE TABLE IF NOT EXISTS " + table + " (" + ddl + ") USING iceberg TBLPROPERTIES ("
                    + "'format-version'='" + TableCatalog.FORMAT_VERSION + "', "
                    + "'write.merge.mode'='copy-on-write', "
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
