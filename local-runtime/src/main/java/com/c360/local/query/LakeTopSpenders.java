package com.c360.local.query;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import com.c360.contract.TableCatalog;
import com.c360.glue.table.IcebergCatalogs;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Top spenders straight from the gold table (one row per customer, as Athena reads it), independently of RDS.
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
        TableCatalog catalog = TableCatalog.local();
        IcebergCatalogs.gold(spark, catalog, goldRoot.toUri().toString());
        if (!spark.catalog().tableExists(catalog.goldTable())) {
            return List.of();
        }
        List<Row> rows = spark.table(catalog.goldTable())
                .orderBy(desc("total_spent_aud"), asc("customer_id"))
                .limit(limit)
                .select(col("customer_id"), col("full_name"), col("email"), col("total_spent_aud"),
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
}
