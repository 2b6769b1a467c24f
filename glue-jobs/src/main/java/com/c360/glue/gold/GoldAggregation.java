package com.c360.glue.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.c360.contract.LakeSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
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
        // Struct ordering compares field by field: the latest purchase_date wins, ties go to the greatest purchase_id.
        Column latestPurchase = max(struct(col("purchase_date"), col("purchase_id"), col("full_name"), col("email")));
        // try_cast: under ANSI mode (Spark 4's default) a plain cast would throw a bare NUMERIC_VALUE_OUT_OF_RANGE.
        Column total182 = sum("amount_aud").try_cast(TOTAL_TYPE);
        return silver.groupBy("customer_id")
                .agg(latestPurchase.as("latest"),
                        // Bronze->silver keeps each file's customer totals in range, but several files can still add
                        // up beyond DECIMAL(18,2): fail, naming the customer, instead of losing money.
                        when(total182.isNull(), raise_error(concat(lit("customer "),
                                col("customer_id").cast(DataTypes.StringType),
                                lit(" lifetime total exceeds DECIMAL(18,2)"))))
                                .otherwise(total182).cast(TOTAL_TYPE).as("total_spent_aud"),
                        count(lit(1)).as("purchase_count"),
                        min("purchase_date").as("first_purchase_date"),
                        max("purchase_date").as("last_purchase_date"))
                .select(col("customer_id"),
                        col("latest.full_name").as("full_name"),
                        col("latest.email").as("email"),
                        col("total_spent_aud"),
                        col("purchase_count"),
                        col("first_purchase_date"),
                        col("last_purchase_date"),
                        col("latest.purchase_id").as("latest_purchase_id"),
                        lit(silverVersion).as("silver_version"));
    }

    /**
     * The gold rows of {@code customers} as of {@code silver}: their aggregate, or, for a customer left without any
     * purchase (every one corrected away to someone else), a row with {@code purchase_count} 0 and no values, which
     * tells gold and the summary to drop that customer.
     */
    public static Dataset<Row> forCustomers(Dataset<Row> silver, Dataset<Row> customers, long silverVersion) {
        Dataset<Row> affected = customers.select("customer_id").distinct();
        Dataset<Row> recomputed = perCustomer(silver.join(broadcast(affected), "customer_id", "left_semi"),
                silverVersion);
        Dataset<Row> emptied = affected.join(recomputed, "customer_id", "left_anti")
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
