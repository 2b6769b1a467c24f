package com.c360.glue.silver;

import com.c360.contract.TableCatalog;
import com.c360.glue.table.IcebergCommits;
import com.c360.glue.table.IcebergTables;
import com.c360.glue.table.SnapshotTags;
import java.util.UUID;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One upload's valid purchases into the silver table of record, keyed by {@code purchase_id}: a purchase silver does
 * not have is inserted, and one it has is replaced only by a version from a later upload. So the result depends on
 * which uploads arrived, never on the order their runs commit in, and a replay of an upload writes nothing.
 */
public final class SilverMerge {
    /** What the MERGE did; a replay sees one of the last two. */
    public enum Outcome {
        MERGED,
        /** This upload's commit is already in silver (a replay, or a retry after a commit whose answer was lost). */
        ALREADY_COMMITTED,
        /** Silver already holds this or a later version of every purchase in the upload. */
        NOTHING_NEWER
    }

    private SilverMerge() {
    }

    /**
     * @param upload the valid rows with silver's columns ({@link com.c360.contract.LakeSchemas#SILVER_TABLE}), one per
     *     purchase_id
     */
    public static Outcome apply(SparkSession spark, TableCatalog catalog, Dataset<Row> upload, String uploadOrder,
            String sourceKey, String runId) {
        IcebergTables.silver(spark, catalog);
        // Temp views are per session, and local runs share one session: names must not collide between runs.
        String uploadView = "c360_upload_" + UUID.randomUUID().toString().replace("-", "");
        upload.createOrReplaceTempView(uploadView);
        try {
            return IcebergCommits.retryingConflicts("silver MERGE of " + sourceKey,
                    () -> attempt(spark, catalog.silverTable(), uploadView, uploadOrder, sourceKey, runId));
        } finally {
            spark.catalog().dropTempView(uploadView);
        }
    }

    private static Outcome attempt(SparkSession spark, String table, String uploadView, String uploadOrder,
            String sourceKey, String runId) {
        Table silver = IcebergTables.load(spark, table);
        if (SnapshotTags.committedBy(silver, uploadOrder, sourceKey).isPresent()) {
            return Outcome.ALREADY_COMMITTED;
        }
        // Only rows that would win: a stale or replayed upload then commits nothing at all, instead of a copy-on-write
        // rewrite of every file its keys touch. The MERGE's own condition still decides, against the snapshot it
        // commits on. Checkpointed, not cached: a MERGE source whose plan still reads the target table fails
        // Spark 4.1's planning ("No plan for TableReference").
        Dataset<Row> newer = spark.sql("SELECT s.* FROM " + uploadView + " s LEFT ANTI JOIN " + table + " t"
                + " ON t.purchase_id = s.purchase_id AND t.upload_order >= s.upload_order").localCheckpoint();
        String newerView = uploadView + "_newer";
        try {
            if (newer.isEmpty()) {
                return Outcome.NOTHING_NEWER;
            }
            newer.createOrReplaceTempView(newerView);
            SnapshotTags.tagging(uploadOrder, sourceKey, runId, () -> spark.sql("MERGE INTO " + table + " t"
                    + " USING " + newerView + " s ON t.purchase_id = s.purchase_id"
                    + " WHEN MATCHED AND s.upload_order > t.upload_order THEN UPDATE SET *"
                    + " WHEN NOT MATCHED THEN INSERT *").collectAsList());
            return Outcome.MERGED;
        } finally {
            spark.catalog().dropTempView(newerView);
        }
    }
}
