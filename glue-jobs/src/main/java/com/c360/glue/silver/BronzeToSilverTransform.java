package com.c360.glue.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
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
        WindowSpec samePurchase = Window.partitionBy(duplicateGroup);
        Column versions = size(collect_set("fingerprint").over(samePurchase));
        Column occurrence = row_number().over(samePurchase.orderBy("source_line"));

        Column conflicting = versions.gt(1);
        Dataset<Row> outcome = classified
                .withColumn("reason", when(conflicting, lit(QuarantineReason.CONFLICTING_DUPLICATE.code()))
                        .otherwise(col("reason")))
                .withColumn("reason_detail", when(conflicting,
                        lit("the same purchase_id appears with different content in this file"))
                        .otherwise(col("reason_detail")))
                .withColumn(OUTCOME, when(conflicting, lit(QUARANTINED))
                        .when(occurrence.gt(1), lit(COLLAPSED))
                        .when(col("reason").isNull(), lit(VALID))
                        .otherwise(lit(QUARANTINED)));
        return new SilverSplit(outcome);
    }
}
