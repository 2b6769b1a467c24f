package com.c360.glue.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Bronze rows in, every row classified out: valid, quarantined (with a reason) or collapsed as an exact duplicate of
 * an earlier row of the same file. Pure Dataset transform; reading and writing belong to the job.
 */
public final class BronzeToSilverTransform {
    public static final String OUTCOME = "outcome";
    public static final String VALID = "valid";
    public static final String QUARANTINED = "quarantined";
    public static final String COLLAPSED = "collapsed";

    private BronzeToSilverTransform() {
    }

    public static SilverSplit apply(Dataset<Row> raw, PurchaseValidator validator) {
        Dataset<Row> classified = raw.map((MapFunction<Row, Row>) validator::classify,
                Encoders.row(PurchaseValidator.CLASSIFIED_SCHEMA));

        // Rows without a usable purchase_id cannot duplicate anything; a negative line number keeps each alone.
        Column duplicateGroup = coalesce(col("purchase_id_key"), negate(col("source_line")));
        // Whole-group aggregates only, so Spark needs one unordered window: differing fingerprints mean conflicting
        // content, and every row after the group's first line is a repeat of it.
        WindowSpec samePurchase = Window.partitionBy(duplicateGroup);
        Column conflicting = col("conflicting");
        Dataset<Row> outcome = classified
                .withColumn("conflicting",
                        min("fingerprint").over(samePurchase).notEqual(max("fingerprint").over(samePurchase)))
                .withColumn("repeat", col("source_line").gt(min("source_line").over(samePurchase)))
                .withColumn("reason", when(conflicting, lit(QuarantineReason.CONFLICTING_DUPLICATE.code()))
                        .otherwise(col("reason")))
                .withColumn("reason_detail", when(conflicting,
                        lit("the same purchase_id appears with different content in this file"))
                        .otherwise(col("reason_detail")))
                .withColumn(OUTCOME, when(conflicting, lit(QUARANTINED))
                        .when(col("repeat"), lit(COLLAPSED))
                        .when(col("reason").isNull(), lit(VALID))
                        .otherwise(lit(QUARANTINED)))
                .drop("conflicting", "repeat");
        return new SilverSplit(withinCustomerTotals(outcome));
    }

    /**
     * Gold sums a customer's purchases of a day into DECIMAL(18,2). A file whose valid purchases of one customer
     * already sum beyond that quarantines all of them: no single row is the wrong one, and gold must not fail.
     */
    private static Dataset<Row> withinCustomerTotals(Dataset<Row> outcome) {
        Column valid = col(OUTCOME).equalTo(lit(VALID));
        Column tooLarge = col("customer_total_too_large");
        return outcome
                .withColumn("customer_total_too_large", valid.and(
                        sum(when(valid, col("amount_aud"))).over(Window.partitionBy(col("customer_id")))
                                .gt(lit(PurchaseValidator.MAX_AUD))))
                .withColumn("reason", when(tooLarge, lit(QuarantineReason.CUSTOMER_TOTAL_OUT_OF_RANGE.code()))
                        .otherwise(col("reason")))
                .withColumn("reason_detail", when(tooLarge, lit("this customer's valid purchases in this file sum to"
                        + " more than " + PurchaseValidator.MAX_AUD.toPlainString() + " AUD"))
                        .otherwise(col("reason_detail")))
                .withColumn(OUTCOME, when(tooLarge, lit(QUARANTINED)).otherwise(col(OUTCOME)))
                .drop("customer_total_too_large");
    }
}
