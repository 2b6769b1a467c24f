package com.c360.local.query;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Top spenders recomputed from every gold partition (one row per customer and ingestion day), independently of RDS:
 * totals add up across days, the first and last purchase dates widen, and name and email come from the row with the
 * latest purchase, i.e. the greatest (last_purchase_date, latest_purchase_id).
 */
public final class LakeTopSpenders implements TopSpenderSource {
    private final SparkSession spark;
    private final Path goldRoot;

    public LakeTopSpenders(SparkSession spark, Path goldRoot) {
        this.spark = spark;
        this.goldRoot = goldRoot;
    }

    @Override
    public List<TopSpender> top(int limit) {
        if (!hasParquet()) {
            return List.of();
        }
        // max over a struct compares field by field, so its trailing fields come from the latest purchase's row.
        List<Row> rows = spark.read().parquet(goldRoot.toUri().toString())
                .groupBy("customer_id")
                .agg(sum("total_spent_aud").as("total_spent_aud"),
                        min("first_purchase_date").as("first_purchase_date"),
                        max("last_purchase_date").as("last_purchase_date"),
                        max(struct(col("last_purchase_date"), col("latest_purchase_id"), col("full_name"),
                                col("email"))).as("latest"))
                .orderBy(desc("total_spent_aud"), asc("customer_id"))
                .limit(limit)
                .select(col("customer_id"), col("latest.full_name"), col("latest.email"), col("total_spent_aud"),
                        col("first_purchase_date"), col("last_purchase_date"))
                .collectAsList();
        return rows.stream()
                .map(row -> new TopSpender(
                        row.getLong(0),
                        row.getString(1),
                        row.getString(2),
                        row.getDecimal(3).setScale(2, RoundingMode.UNNECESSARY),
                        row.getDate(4).toLocalDate(),
                        row.getDate(5).toLocalDate()))
                .toList();
    }

    private boolean hasParquet() {
        if (!Files.isDirectory(goldRoot)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(goldRoot)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + goldRoot, e);
        }
    }
}
