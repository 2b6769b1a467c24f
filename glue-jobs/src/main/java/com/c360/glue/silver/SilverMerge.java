package com.c360.glue.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;

import com.c360.contract.TableCatalog;
import com.c360.glue.table.IcebergCommits;
import com.c360.glue.table.IcebergTables;
import com.c360.glue.table.SnapshotTags;
import java.util.UUID;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One upload's valid purchases into the silver table of record, keyed by {@code purchase_id}: a purchase silver does
 * not have is inserted, and one it has is replaced only by a version from a later upload. So the result depends on
 * which uploads arrived, never on the order their runs commit in, and a replay of an upload writes nothing.
 */
public final class SilverMerge {
    /**
     * What the MERGE did, for the run report: purchases silver did not have, purchases it had from an earlier upload
     * (corrections), and the customers those rows belong to now or belonged to before.
     */
    public record Result(Outcome outcome, long purchasesInserted, long purchasesCorrected, long customersTouched) {
        static Result nothing(Outcome outcome) {
            return new Result(outcome, 0, 0, 0);
        }
    }

    /** Whether the MERGE committed; a replay sees one of the last two. */
    public enum Outcome {
        MERGED,
        /** This upload's commit is already in silver (a replay, or a retry after a commit whose answer was lost). */
        ALREADY_COMMITTED,
        /** Silver already holds this or a later version of every purchase in the upload. */
        NOTHING_NEWER
    }

    /**
     * The least and greatest purchase_id of an upload. Silver is written in purchase_id order, so most of its data
     * files lie wholly outside an upload's range; the MERGE and the look-up of the rows it would replace name the range,
     * and Iceberg then skips those files by their min/max statistics instead of reading every key of the history.
     */
    public record KeyRange(long least, long greatest) {
        /** The range of an upload without purchases: no purchase_id is in it. */
        public static final KeyRange NONE = new KeyRange(1, 0);

        /** From a row holding the least and then the greatest purchase_id at {@code field}, both null for none. */
        static KeyRange of(Row row, int field) {
            return row.isNullAt(field) ? NONE : new KeyRange(row.getLong(field), row.getLong(field + 1));
        }

        /** The smallest range holding both. */
        KeyRange span(KeyRange other) {
            if (isEmpty() || other.isEmpty()) {
                return isEmpty() ? other : this;
            }
            return new KeyRange(Math.min(least, other.least), Math.max(greatest, other.greatest));
        }

        boolean isEmpty() {
            return least > greatest;
        }

        /** The range of {@code upload}'s purchase_id, from one aggregation. */
        public static KeyRange of(Dataset<Row> upload) {
            return of(upload.agg(min(PURCHASE_ID), max(PURCHASE_ID)).first(), 0);
        }

        /** The condition that {@code column} is in the range, as Spark SQL: two numbers, nothing from the input. */
        String contains(String column) {
            return column + " BETWEEN " + least + " AND " + greatest;
        }
    }

    static final String PURCHASE_ID = "purchase_id";
    private static final String PREVIOUS_OWNER = "c360_previous_owner";

    private SilverMerge() {
    }

    /**
     * @param upload the valid rows with silver's columns ({@link com.c360.contract.LakeSchemas#SILVER_TABLE}), one per
     *     purchase_id
     * @param keys the range of {@code upload}'s purchase_id
     */
    public static Result apply(SparkSession spark, TableCatalog catalog, Dataset<Row> upload, KeyRange keys,
            String uploadOrder, String sourceKey, String runId) {
        IcebergTables.silver(spark, catalog);
        // Temp views are per session, and local runs share one session: names must not collide between runs.
        String uploadView = "c360_upload_" + UUID.randomUUID().toString().replace("-", "");
        upload.createOrReplaceTempView(uploadView);
        try {
            return IcebergCommits.retryingConflicts("silver MERGE of " + sourceKey,
                    () -> attempt(spark, catalog.silverTable(), uploadView, keys, uploadOrder, sourceKey, runId));
        } finally {
            spark.catalog().dropTempView(uploadView);
        }
    }

    /**
     * What the MERGE reports if it commits {@code candidates}, from one aggregation: the candidates, as inserts or as
     * corrections (those that replace a row), and the distinct customers they belong to now or belonged to before.
     * Each candidate is exploded into its owner (position 0) and its previous owner (1), so rows count at position 0.
     */
    private static Result ifMerged(Dataset<Row> candidates) {
        Column first = col("pos").equalTo(0);
        Row counts = candidates.select(col(PREVIOUS_OWNER),
                        posexplode(array(col("customer_id"), col(PREVIOUS_OWNER))).as(new String[] {"pos", "owner"}))
                .agg(count(when(first, lit(1))), count(when(first, col(PREVIOUS_OWNER))), countDistinct(col("owner")))
                .first();
        long corrected = counts.getLong(1);
        return new Result(Outcome.MERGED, counts.getLong(0) - corrected, corrected, counts.getLong(2));
    }

    private static Result attempt(SparkSession spark, String table, String uploadView, KeyRange keys,
            String uploadOrder, String sourceKey, String runId) {
        Table silver = IcebergTables.load(spark, table);
        if (SnapshotTags.committedBy(silver, uploadOrder, sourceKey).isPresent()) {
            return Result.nothing(Outcome.ALREADY_COMMITTED);
        }
        // Only rows that would win: a stale or replayed upload then commits nothing at all, instead of a copy-on-write
        // rewrite of every file its keys touch. The MERGE's own condition still decides, against the snapshot it
        // commits on. Checkpointed, not cached: a MERGE source whose plan still reads the target table fails
        // Spark 4.1's planning ("No plan for TableReference").
        // The row each one replaces, if any, comes along for the report: silver holds one row per purchase_id.
        Dataset<Row> candidates = spark.sql("SELECT s.*, t.customer_id AS " + PREVIOUS_OWNER + " FROM " + uploadView
                + " s LEFT JOIN (SELECT * FROM " + table + " WHERE " + keys.contains(PURCHASE_ID) + ") t"
                + " ON t.purchase_id = s.purchase_id"
                + " WHERE t.purchase_id IS NULL OR t.upload_order < s.upload_order").localCheckpoint();
        Result ifMerged = ifMerged(candidates);
        if (ifMerged.purchasesInserted() + ifMerged.purchasesCorrected() == 0) {
            return Result.nothing(Outcome.NOTHING_NEWER);
        }
        String newerView = uploadView + "_newer";
        try {
            candidates.drop(PREVIOUS_OWNER).createOrReplaceTempView(newerView);
            SnapshotTags.tagging(uploadOrder, sourceKey, runId, () -> spark.sql("MERGE INTO " + table + " t"
                    + " USING " + newerView + " s ON t.purchase_id = s.purchase_id AND " + keys.contains("t.purchase_id")
                    + " WHEN MATCHED AND s.upload_order > t.upload_order THEN UPDATE SET *"
                    + " WHEN NOT MATCHED THEN INSERT *").collectAsList());
            return ifMerged;
        } finally {
            spark.catalog().dropTempView(newerView);
        }
    }
}
