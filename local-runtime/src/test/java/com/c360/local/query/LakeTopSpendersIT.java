package com.c360.local.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.gold.GoldAggregation;
import com.c360.local.LocalSpark;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTopSpendersIT {
    private static final StructType GOLD = GoldAggregation.SCHEMA;

    private static SparkSession spark;

    @TempDir
    Path gold;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("lake-top-spenders-it");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void customersAcrossDays_areSummedWidened_andNamedAfterTheirLatestPurchase() {
        writeDay("2025-03-01",
                gold(1, "Ann Old", "old@example.com", "10.00", 2, "2025-01-02", "2025-01-05", 5),
                gold(2, "Bob", "bob@example.com", "15.50", 1, "2025-02-01", "2025-02-01", 7),
                gold(4, "Dee Later", "later@example.com", "1.00", 1, "2025-02-01", "2025-02-01", 100));
        writeDay("2025-03-02",
                gold(1, "Ann New", "new@example.com", "5.50", 1, "2025-01-01", "2025-01-05", 9),
                gold(3, "Cat", "cat@example.com", "100.00", 4, "2025-01-10", "2025-02-10", 8),
                gold(4, "Dee Earlier", "earlier@example.com", "2.00", 1, "2025-01-20", "2025-01-20", 200));

        List<TopSpender> top = new LakeTopSpenders(spark, gold).top(10);

        // Hand-worked: Ann 10.00 + 5.50 = 15.50 ties with Bob and wins on the lower id; her last date ties across
        // days so purchase 9 names her; Dee's later last_purchase_date beats her higher purchase id.
        assertThat(top).containsExactly(
                spender(3, "Cat", "cat@example.com", "100.00", "2025-01-10", "2025-02-10"),
                spender(1, "Ann New", "new@example.com", "15.50", "2025-01-01", "2025-01-05"),
                spender(2, "Bob", "bob@example.com", "15.50", "2025-02-01", "2025-02-01"),
                spender(4, "Dee Later", "later@example.com", "3.00", "2025-01-20", "2025-02-01"));
    }

    @Test
    void limit_cutsAfterTheHighestTotals() {
        writeDay("2025-03-01",
                gold(1, "A", "a@example.com", "1.00", 1, "2025-01-01", "2025-01-01", 1),
                gold(2, "B", "b@example.com", "3.00", 1, "2025-01-01", "2025-01-01", 2),
                gold(3, "C", "c@example.com", "2.00", 1, "2025-01-01", "2025-01-01", 3));

        assertThat(new LakeTopSpenders(spark, gold).top(2)).extracting(TopSpender::customerId).containsExactly(2L, 3L);
    }

    @Test
    void missingOrEmptyGold_hasNoSpenders() throws Exception {
        assertThat(new LakeTopSpenders(spark, gold.resolve("absent")).top(10)).isEmpty();
        Files.createDirectories(gold.resolve("year=2025/month=03/day=01"));
        assertThat(new LakeTopSpenders(spark, gold).top(10)).isEmpty();
    }

    /** Writes one gold day partition the way the silver-to-gold job lays it out. */
    private void writeDay(String ingestionDate, Object[]... rowsWithoutIngestionDate) {
        List<Row> rows = Arrays.stream(rowsWithoutIngestionDate)
                .map(values -> {
                    Object[] withDate = Arrays.copyOf(values, values.length + 1);
                    withDate[values.length] = Date.valueOf(ingestionDate);
                    return RowFactory.create(withDate);
                })
                .toList();
        String[] ymd = ingestionDate.split("-");
        Path partition = gold.resolve("year=" + ymd[0]).resolve("month=" + ymd[1]).resolve("day=" + ymd[2]);
        spark.createDataFrame(rows, GOLD).write().parquet(partition.toUri().toString());
    }

    private static Object[] gold(long customerId, String name, String email, String total, long purchases,
            String first, String last, long latestPurchaseId) {
        return new Object[] {customerId, name, email, new BigDecimal(total), purchases, Date.valueOf(first),
                Date.valueOf(last), latestPurchaseId};
    }

    private static TopSpender spender(long customerId, String name, String email, String total, String first,
            String last) {
        return new TopSpender(customerId, name, email, new BigDecimal(total), LocalDate.parse(first),
                LocalDate.parse(last));
    }
}
