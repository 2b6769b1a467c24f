package com.c360.glue.silver;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Bronze rows in, every row classified out: valid, quarantined (with a reason) or collapsed as an exact duplicate of
 * an earlier row of the same file. Reading and writing belong to the job.
 *
 * <p>Duplicates and customer totals need the whole file, but only a few narrow columns of it: one aggregation over
 * (purchase key, fingerprint, line, customer, amount) finds the repeated purchase keys and the customers over the
 * limit, usually few, and the classified rows are then joined against those instead of shuffling every column
 * through a window.
 */
public final class BronzeToSilverTransform {
    public static final String OUTCOME = "outcome";
    public static final String VALID = "valid";
    public static final String QUARANTINED = "quarantined";
    public static final String COLLAPSED = "collapsed";

    /** Beyond this many repeated keys or customers over the limit, a shuffled join beats broadcasting them. */
    private static final long BROADCAST_ROWS = 2_000_000;

    private static final String KEY = "purchase_id_key";
    private static final String DUP_KEY = "dup_key";
    private static final String DUP_CONFLICTING = "dup_conflicting";
    private static final String DUP_FIRST_LINE = "dup_first_line";
    private static final String OVER_CUSTOMER = "over_customer";
    private static final String FIRST = "first";

    private BronzeToSilverTransform() {
    }

    /**
     * Runs one Spark job over the file for the repeated keys and large customer totals, and one over those for their
     * numbers; the rest stays lazy.
     */
    public static SilverSplit apply(Dataset<Row> raw, PurchaseValidator validator) {
        Dataset<Row> classified = raw.map((MapFunction<Row, Row>) validator::classify,
                Encoders.row(PurchaseValidator.CLASSIFIED_SCHEMA));
        Dataset<Row> exceptions = Materialized.store(fileWideExceptions(classified));
        Row sizes = exceptions.agg(count(col(DUP_KEY)), count(col(OVER_CUSTOMER))).first();
        Dataset<Row> repeated = sized(exceptions.where(col(DUP_KEY).isNotNull())
                .select(DUP_KEY, DUP_CONFLICTING, DUP_FIRST_LINE), sizes.getLong(0));
        Dataset<Row> overLimit = sized(exceptions.where(col(OVER_CUSTOMER).isNotNull()).select(OVER_CUSTOMER),
                sizes.getLong(1));
        Dataset<Row> joined = classified
                .join(repeated, col(KEY).equalTo(col(DUP_KEY)), "left")
                .join(overLimit, col("customer_id").equalTo(col(OVER_CUSTOMER)), "left");
        return new SilverSplit(narrow(outcome(joined)), exceptions);
    }

    /**
     * One row per purchase key that occurs more than once (whether its rows conflict, and its first line), and one
     * per customer whose valid purchases in this file sum beyond {@link PurchaseValidator#MAX_AUD}. Rows without a
     * usable purchase_id cannot duplicate anything, and are never valid.
     */
    private static Dataset<Row> fileWideExceptions(Dataset<Row> classified) {
        // A key's first line decides what the key contributes: it is the one row a valid key keeps, and it is valid
        // when it has no reason of its own (exactly then the validator gives it an AUD amount).
        Dataset<Row> perKey = classified.where(col(KEY).isNotNull())
                .groupBy(col(KEY))
                .agg(count(lit(1)).as("rows"),
                        min("fingerprint").notEqual(max("fingerprint")).as("conflicting"),
                        min(struct(col("source_line"), col("customer_id"), col("amount_aud"))).as(FIRST));
        Dataset<Row> repeated = perKey.where(col("rows").gt(1)).select(
                col(KEY).as(DUP_KEY), col("conflicting").as(DUP_CONFLICTING),
                col(FIRST + ".source_line").as(DUP_FIRST_LINE), lit(null).cast(DataTypes.LongType).as(OVER_CUSTOMER));
        Dataset<Row> overLimit = perKey.where(not(col("conflicting")).and(col(FIRST + ".amount_aud").isNotNull()))
                .groupBy(col(FIRST + ".customer_id").as(OVER_CUSTOMER))
                .agg(sum(col(FIRST + ".amount_aud")).as("total"))
                // Returns make a total negative: its size is what must fit.
                .where(abs(col("total")).gt(lit(PurchaseValidator.MAX_AUD)))
                .select(lit(null).cast(DataTypes.LongType).as(DUP_KEY),
                        lit(null).cast(DataTypes.BooleanType).as(DUP_CONFLICTING),
                        lit(null).cast(DataTypes.LongType).as(DUP_FIRST_LINE), col(OVER_CUSTOMER));
        // One query, so both branches share the aggregation's shuffle.
        return repeated.unionByName(overLimit);
    }

    private static Dataset<Row> sized(Dataset<Row> few, long rows) {
        return rows <= BROADCAST_ROWS ? broadcast(few) : few;
    }

    private static Dataset<Row> outcome(Dataset<Row> joined) {
        Column conflicting = coalesce(col(DUP_CONFLICTING), lit(false));
        // Null (no match) for a key seen once: not a repeat.
        Column repeat = col("source_line").gt(col(DUP_FIRST_LINE));
        Column perRow = when(conflicting, lit(QUARANTINED))
                .when(repeat, lit(COLLAPSED))
                .when(col("reason").isNull(), lit(VALID))
                .otherwise(lit(QUARANTINED));
        // Gold sums a customer's purchases of a day into DECIMAL(18,2). A file whose valid purchases of one customer
        // already sum beyond that quarantines all of them: no single row is the wrong one, and gold must not fail.
        Column tooLarge = perRow.equalTo(lit(VALID)).and(col(OVER_CUSTOMER).isNotNull());
        // All three from the row as classified: each decision reads the validator's reason, not a replaced one.
        return joined.withColumns(Map.of(
                "reason", when(conflicting, lit(QuarantineReason.CONFLICTING_DUPLICATE.code()))
                        .when(tooLarge, lit(QuarantineReason.CUSTOMER_TOTAL_OUT_OF_RANGE.code()))
                        .otherwise(col("reason")),
                "reason_detail", when(conflicting,
                        lit("the same purchase_id appears with different content in this file"))
                        .when(tooLarge, lit("this customer's valid purchases in this file sum to"
                                + " more than " + PurchaseValidator.MAX_AUD.toPlainString() + " AUD"))
                        .otherwise(col("reason_detail")),
                OUTCOME, when(tooLarge, lit(QUARANTINED)).otherwise(perRow)));
    }

    /** What the writes need and no more: raw values only where quarantine keeps them. */
    private static Dataset<Row> narrow(Dataset<Row> outcome) {
        Column quarantined = col(OUTCOME).equalTo(lit(QUARANTINED));
        List<Column> columns = new ArrayList<>();
        columns.add(col(OUTCOME));
        for (String name : PurchaseValidator.CLASSIFIED_SCHEMA.fieldNames()) {
            if (name.startsWith("raw_")) {
                columns.add(when(quarantined, col(name)).as(name));
            } else if (!name.equals(KEY) && !name.equals("fingerprint")) {
                columns.add(col(name));
            }
        }
        return outcome.select(columns.toArray(Column[]::new));
    }
}
