package com.c360.glue.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.c360.contract.LakeSchemas;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/** Silver purchases in, one gold row per customer out: lifetime spend, count, dates, and the latest name and e-mail. */
public final class GoldAggregation {
    private static final DecimalType TOTAL_TYPE = DataTypes.createDecimalType(18, 2);
    /** Gold's Spark schema, in {@link LakeSchemas#GOLD}'s order. */
    public static final StructType SCHEMA = new StructType()
            .add("customer_id", DataTypes.LongType)
            .add("full_name", DataTypes.StringType)
            .add("email", DataTypes.StringType)
            .add("total_spent_aud", TOTAL_TYPE)
            .add("purchase_count", DataTypes.LongType)
            .add("first_purchase_date", DataTypes.DateType)
            .add("last_purchase_date", DataTypes.DateType)
            .add("latest_purchase_id", DataTypes.LongType)
            .add("silver_version", DataTypes.LongType);

    private GoldAggregation() {
    }

    /** Every customer that has purchases in {@code silver}, computed from silver's snapshot {@code silverVersion}. */
    public static Dataset<Row> perCustomer(Dataset<Row> silver, long silverVersion) {
        return goldRows(totals(silver, struct(col("purchase_date"), col("purchase_id"), col("full_name"), col("email")))
                .select(col("*"), col("latest.full_name").as("full_name"), col("latest.email").as("email")),
                silverVersion);
    }

    /**
     * Per customer: {@code latest}, the greatest of {@code latestPurchase} (a struct led by purchase_date and
     * purchase_id), and the lifetime totals.
     */
    private static Dataset<Row> totals(Dataset<Row> silver, Column latestPurchase) {
        // Struct ordering compares field by field: the latest purchase_date wins, ties go to the greatest purchase_id.
        // try_cast: under ANSI mode (Spark 4's default) a plain cast would throw a bare NUMERIC_VALUE_OUT_OF_RANGE.
        Column total182 = sum("amount_aud").try_cast(TOTAL_TYPE);
        return silver.groupBy("customer_id")
                .agg(max(latestPurchase).as("latest"),
                        // Bronze->silver keeps each file's customer totals in range, but several files can still add
                        // up beyond DECIMAL(18,2): fail, naming the customer, instead of losing money.
                        when(total182.isNull(), raise_error(concat(lit("customer "),
                                col("customer_id").cast(DataTypes.StringType),
                                lit(" lifetime total exceeds DECIMAL(18,2)"))))
                                .otherwise(total182).cast(TOTAL_TYPE).as("total_spent_aud"),
                        count(lit(1)).as("purchase_count"),
                        min("purchase_date").as("first_purchase_date"),
                        max("purchase_date").as("last_purchase_date"));
    }

    /** {@link #totals} with full_name and email added, as gold rows. */
    private static Dataset<Row> goldRows(Dataset<Row> totalsAndNames, long silverVersion) {
        return totalsAndNames.select(col("customer_id"),
                col("full_name"),
                col("email"),
                col("total_spent_aud"),
                col("purchase_count"),
                col("first_purchase_date"),
                col("last_purchase_date"),
                col("latest.purchase_id").as("latest_purchase_id"),
                lit(silverVersion).as("silver_version"));
    }

    /**
     * The gold rows of {@code customers} as of silver's snapshot {@code silverVersion}: their aggregate, or, for a
     * customer left without any purchase (every one corrected away to someone else), a row with
     * {@code purchase_count} 0 and no values, which tells gold and the summary to drop that customer.
     *
     * <p>The totals need only silver's number and date columns. The name and e-mail are those of the latest purchase,
     * and most of the time gold already has them: when gold's row names the same latest purchase and that purchase's
     * silver row sits in a data file gold's row had already seen (data files never change, so the row is the one
     * gold's row was computed from). Only the other customers' latest rows are read, from the data files that hold
     * them, so the string columns of the history are never decoded.
     *
     * @param silver silver's rows as of {@code silverVersion}, with Iceberg's {@code _file} metadata column
     * @param silverFiles silver's live data files as of {@code silverVersion}: {@code file_path} and
     *     {@code data_sequence_number}
     * @param rowsOfFiles silver's rows held by the given data files, as of {@code silverVersion}
     * @param gold gold's current rows
     */
    public static Dataset<Row> forCustomers(Dataset<Row> silver, Dataset<Row> silverFiles,
            Function<List<String>, Dataset<Row>> rowsOfFiles, Dataset<Row> gold, Dataset<Row> customers,
            long silverVersion) {
        // Checkpointed: each is read several times below, and recomputing would scan again.
        Dataset<Row> affected = customers.select("customer_id").distinct().localCheckpoint();
        Dataset<Row> totals = totals(silver.select("customer_id", "purchase_id", "purchase_date", "amount_aud", "_file")
                        .join(broadcast(affected), "customer_id", "left_semi"),
                struct(col("purchase_date"), col("purchase_id"), col("_file")))
                .join(broadcast(silverFiles), col("latest._file").equalTo(col("file_path")), "left")
                .join(gold.join(broadcast(affected), "customer_id", "left_semi").select(col("customer_id"),
                        col("full_name").as("gold_full_name"), col("email").as("gold_email"),
                        col("latest_purchase_id").as("gold_latest_purchase_id"),
                        col("silver_version").as("gold_silver_version")), "customer_id", "left")
                .withColumn("gold_names_current", coalesce(col("gold_latest_purchase_id")
                        .equalTo(col("latest.purchase_id"))
                        .and(col("data_sequence_number").leq(col("gold_silver_version"))), lit(false)))
                .localCheckpoint();
        Dataset<Row> fromGold = totals.filter(col("gold_names_current"))
                .withColumn("full_name", col("gold_full_name")).withColumn("email", col("gold_email"));
        Dataset<Row> unknown = totals.filter(not(col("gold_names_current")));
        List<String> files = unknown.select("latest._file").distinct().as(Encoders.STRING()).collectAsList();
        Dataset<Row> recomputed = goldRows(fromGold, silverVersion);
        if (!files.isEmpty()) {
            Column missing = col("names_purchase_id").isNull();
            // A lost name would otherwise turn into a gold row without one: the purchase is in that file by design.
            Column lookupFailed = raise_error(concat(lit("latest purchase "),
                    col("latest.purchase_id").cast(DataTypes.StringType), lit(" of customer "),
                    col("customer_id").cast(DataTypes.StringType), lit(" not found in silver data file "),
                    col("latest._file")));
            Dataset<Row> latestRows = rowsOfFiles.apply(files).select(col("purchase_id").as("names_purchase_id"),
                    col("full_name").as("silver_full_name"), col("email").as("silver_email"));
            Dataset<Row> named = unknown
                    .join(latestRows, col("latest.purchase_id").equalTo(col("names_purchase_id")), "left")
                    .withColumn("full_name", when(missing, lookupFailed.cast(DataTypes.StringType))
                            .otherwise(col("silver_full_name")))
                    .withColumn("email", col("silver_email"));
            recomputed = recomputed.unionByName(goldRows(named, silverVersion));
        }
        Dataset<Row> emptied = affected.join(totals, "customer_id", "left_anti")
                .select(col("customer_id"),
                        lit(null).cast(DataTypes.StringType).as("full_name"),
                        lit(null).cast(DataTypes.StringType).as("email"),
                        lit(null).cast(TOTAL_TYPE).as("total_spent_aud"),
                        lit(0L).as("purchase_count"),
                        lit(null).cast(DataTypes.DateType).as("first_purchase_date"),
                        lit(null).cast(DataTypes.DateType).as("last_purchase_date"),
                        lit(null).cast(DataTypes.LongType).as("latest_purchase_id"),
                        lit(silverVersion).as("silver_version"));
        return recomputed.unionByName(emptied);
    }
}
