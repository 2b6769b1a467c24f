package com.c360.glue.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.JobArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.SilverToGoldArguments;
import com.c360.glue.SparkTestBase;
import com.c360.glue.silver.SilverSplit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverToGoldJobIT extends SparkTestBase {
    private static final LocalDate DAY = LocalDate.parse("2026-03-05");

    @TempDir
    Path lake;

    private record Purchase(long purchaseId, long customerId, String fullName, String email, String date, String aud) {
        Row toSilverRow() {
            return RowFactory.create(purchaseId, customerId, fullName, email, Date.valueOf(date),
                    new BigDecimal(aud).setScale(6), "AUD", BigDecimal.ONE.setScale(10), new BigDecimal(aud), 2L);
        }
    }

    /** Oracle: what one gold row must say about a customer's purchases, in plain Java. */
    private record ExpectedGold(long customerId, String fullName, String email, BigDecimal total, long count,
            LocalDate first, LocalDate last, long latestPurchaseId) {
        static ExpectedGold of(List<Purchase> purchases) {
            Purchase latest = purchases.stream().max(Comparator.comparing((Purchase p) -> LocalDate.parse(p.date()))
                    .thenComparingLong(Purchase::purchaseId)).orElseThrow();
            return new ExpectedGold(latest.customerId(), latest.fullName(), latest.email(),
                    purchases.stream().map(p -> new BigDecimal(p.aud())).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .setScale(2, RoundingMode.UNNECESSARY),
                    purchases.size(),
                    purchases.stream().map(p -> LocalDate.parse(p.date())).min(Comparator.naturalOrder()).orElseThrow(),
                    LocalDate.parse(latest.date()), latest.purchaseId());
        }
    }

    private void writeSilver(String sourceFileId, List<Purchase> purchases) {
        writeSilverRows(sourceFileId, purchases.stream().map(Purchase::toSilverRow).toList());
    }

    private void writeSilverRows(String sourceFileId, List<Row> rows) {
        spark.createDataFrame(rows, SilverSplit.SILVER_SCHEMA).write().mode(SaveMode.Overwrite)
                .parquet(LakeLayout.sourceFilePartition(root("silver"), DAY, sourceFileId));
    }

    private String root(String layer) {
        return lake.resolve(layer).toUri().toString();
    }

    private Map<Long, ExpectedGold> runJobAndReadGold() {
        SilverToGoldJob.run(spark, SilverToGoldArguments.from(JobArguments.of(Map.of("ingestion_date", DAY.toString(),
                "run_id", "r1", "silver_root", root("silver"), "gold_root", root("gold")))));
        return spark.read().parquet(LakeLayout.goldDay(root("gold"), DAY)).collectAsList().stream()
                .map(r -> new ExpectedGold(r.getAs("customer_id"), r.getAs("full_name"), r.getAs("email"),
                        r.getAs("total_spent_aud"), r.getAs("purchase_count"),
                        r.<Date>getAs("first_purchase_date").toLocalDate(),
                        r.<Date>getAs("last_purchase_date").toLocalDate(), r.getAs("latest_purchase_id")))
                .collect(Collectors.toMap(ExpectedGold::customerId, g -> g));
    }

    @Test
    void twoFilesOfOneDay_aggregatePerCustomer_latestPurchaseNamesTheCustomer() {
        List<Purchase> fileA = List.of(
                new Purchase(1, 10, "Ann Lee", "ann@x.com", "2026-01-02", "10.01"),
                new Purchase(2, 10, "Ann Lee-Old", "old@x.com", "2026-01-01", "0.99"),
                new Purchase(3, 20, "Bo", "bo@x.com", "2026-02-01", "5.00"));
        List<Purchase> fileB = List.of(
                // same date as purchase 1: the greater purchase_id decides name and email
                new Purchase(7, 10, "Ann Lee-New", "new@x.com", "2026-01-02", "100.00"),
                new Purchase(4, 20, null, null, "2026-01-15", "0.01"));
        writeSilver("fa", fileA);
        writeSilver("fb", fileB);

        Map<Long, ExpectedGold> gold = runJobAndReadGold();

        Map<Long, List<Purchase>> byCustomer = java.util.stream.Stream.concat(fileA.stream(), fileB.stream())
                .collect(Collectors.groupingBy(Purchase::customerId));
        assertThat(gold).hasSize(2);
        byCustomer.forEach((customer, purchases) -> assertThat(gold.get(customer))
                .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(ExpectedGold.of(purchases)));
        assertThat(gold.get(10L).fullName()).isEqualTo("Ann Lee-New");
        assertThat(spark.read().parquet(LakeLayout.goldDay(root("gold"), DAY)).schema().simpleString())
                .isEqualTo(GoldAggregation.SCHEMA.simpleString());
    }

    @Test
    void rerun_replacesTheDaysGold_andDayWithoutSilverLeavesItEmpty() {
        writeSilver("fa", List.of(new Purchase(1, 10, "Ann", "a@x.com", "2026-01-02", "1.00")));
        runJobAndReadGold();
        Map<Long, ExpectedGold> again = runJobAndReadGold();
        assertThat(again).hasSize(1);
        assertThat(again.get(10L).total()).isEqualByComparingTo("1.00");

        org.apache.commons.io.FileUtils.deleteQuietly(lake.resolve("silver").toFile());

        assertThat(runJobAndReadGold()).isEmpty();
    }

    @Test
    void customerDayTotalBeyondDecimal18_2AcrossFiles_failsNamingTheCustomer_underAnsiMode() {
        // Each file's total for customer 7 fits DECIMAL(18,2) (bronze->silver checks that); together they do not.
        writeLargeKwdPurchase("fa", 1);
        writeLargeKwdPurchase("fb", 2);

        assertThat(spark.conf().get("spark.sql.ansi.enabled")).isEqualTo("true");
        assertThatThrownBy(this::runJobAndReadGold)
                .hasStackTraceContaining("customer 7 day total exceeds DECIMAL(18,2)");
    }

    /** 300000000000 KWD at 20000 AUD each: AUD 6000000000000000.00, a silver row bronze->silver lets through. */
    private void writeLargeKwdPurchase(String sourceFileId, long purchaseId) {
        Row row = RowFactory.create(purchaseId, 7L, "Big", "big@x.com", Date.valueOf("2026-01-02"),
                new BigDecimal("300000000000.000000"), "KWD", new BigDecimal("20000.0000000000"),
                new BigDecimal("6000000000000000.00"), 2L);
        writeSilverRows(sourceFileId, List.of(row));
    }
}
