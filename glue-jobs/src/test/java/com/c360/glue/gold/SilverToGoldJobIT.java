package com.c360.glue.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.JobArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.LakeSchemas;
import com.c360.contract.SilverToGoldArguments;
import com.c360.contract.TableCatalog;
import com.c360.contract.UploadOrder;
import com.c360.glue.Fixtures;
import com.c360.glue.InMemoryJobMetrics;
import com.c360.glue.SparkTestBase;
import com.c360.glue.silver.BronzeToSilverJob;
import com.c360.glue.table.IcebergTables;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads go through the real bronze->silver job, so silver holds the snapshots and tags silver->gold looks for; a
 * plain-Java model of silver (latest upload order wins per purchase) is the oracle for gold and for each run's changes.
 */
class SilverToGoldJobIT extends SparkTestBase {
    private static final LocalDate DAY = LocalDate.parse("2026-03-05");
    private static final TableCatalog CATALOG = TableCatalog.local();
    private static final String HEADER = "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,"
            + "currency\n";

    @TempDir
    Path lake;

    /** The oracle's silver: each purchase as its latest upload left it, and that upload's order. */
    private final Map<Long, Purchase> silver = new HashMap<>();
    private final Map<Long, Integer> silverOrder = new HashMap<>();

    @BeforeEach
    void referenceTable() throws IOException {
        Files.createDirectories(lake.resolve("reference"));
        Files.copy(Fixtures.path("fx/fx_rates_test.csv"), lake.resolve("reference/fx.csv"));
    }

    private record Purchase(long purchaseId, long customerId, String firstName, String lastName, String email,
            String date, String aud) {
        String csvLine() {
            return String.join(",", String.valueOf(customerId), firstName, lastName, email,
                    String.valueOf(purchaseId), date, aud, "AUD") + "\n";
        }
    }

    /** Oracle: what one gold row must say about a customer's purchases, in plain Java. */
    private record ExpectedGold(long customerId, String fullName, String email, BigDecimal total, long count,
            LocalDate first, LocalDate last, Long latestPurchaseId) {
        static ExpectedGold of(long customerId, List<Purchase> purchases) {
            if (purchases.isEmpty()) {
                return new ExpectedGold(customerId, null, null, null, 0, null, null, null);
            }
            Purchase latest = purchases.stream().max(Comparator.comparing((Purchase p) -> LocalDate.parse(p.date()))
                    .thenComparingLong(Purchase::purchaseId)).orElseThrow();
            return new ExpectedGold(customerId, latest.firstName() + " " + latest.lastName(), latest.email(),
                    purchases.stream().map(p -> new BigDecimal(p.aud())).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .setScale(2, RoundingMode.UNNECESSARY),
                    purchases.size(),
                    purchases.stream().map(p -> LocalDate.parse(p.date())).min(Comparator.naturalOrder()).orElseThrow(),
                    LocalDate.parse(latest.date()), latest.purchaseId());
        }

        static ExpectedGold read(Row row) {
            return new ExpectedGold(row.getAs("customer_id"), row.getAs("full_name"), row.getAs("email"),
                    row.getAs("total_spent_aud"), row.getAs("purchase_count"), localDate(row.get(5)),
                    localDate(row.get(6)), row.getAs("latest_purchase_id"));
        }

        private static LocalDate localDate(Object value) {
            return value == null ? null : ((java.sql.Date) value).toLocalDate();
        }
    }

    private String root(String layer) {
        return lake.resolve(layer).toUri().toString();
    }

    private static String order(int upload) {
        return UploadOrder.of(Instant.parse("2026-03-05T08:00:00Z").plusSeconds(upload), "0A");
    }

    /**
     * Uploads {@code purchases} as bronze file {@code key} with upload order {@code upload}, through bronze->silver,
     * and applies it to the oracle.
     *
     * @return the customers the oracle says the upload touched: new and previous owners of the purchases it won
     */
    private Set<Long> upload(String key, int upload, Purchase... purchases) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        Arrays.stream(purchases).map(Purchase::csvLine).forEach(csv::append);
        bronzeToSilver(key, upload, csv.toString());
        Set<Long> touched = new LinkedHashSet<>();
        for (Purchase purchase : purchases) {
            Integer current = silverOrder.get(purchase.purchaseId());
            if (current == null || current < upload) {
                Purchase replaced = silver.put(purchase.purchaseId(), purchase);
                silverOrder.put(purchase.purchaseId(), upload);
                touched.add(purchase.customerId());
                if (replaced != null) {
                    touched.add(replaced.customerId());
                }
            }
        }
        return touched;
    }

    private void bronzeToSilver(String key, int upload, String csv) throws IOException {
        Files.createDirectories(lake.resolve("bronze"));
        Files.writeString(lake.resolve("bronze").resolve(key), csv, StandardCharsets.UTF_8);
        BronzeToSilverJob.run(spark, BronzeToSilverArguments.from(JobArguments.of(Map.ofEntries(
                Map.entry("source_bucket", "bronze-bucket"),
                Map.entry("source_key", key),
                Map.entry("source_version", "v1"),
                Map.entry("ingestion_date", DAY.toString()),
                Map.entry("run_id", "silver-" + key),
                Map.entry("bronze_root", root("bronze")),
                Map.entry("silver_root", root("silver")),
                Map.entry("quarantine_root", root("quarantine")),
                Map.entry("audit_root", root("audit")),
                Map.entry("fx_path", lake.resolve("reference/fx.csv").toUri().toString()),
                Map.entry("feeds_path", Fixtures.shippedFeedsUri()),
                Map.entry("upload_order", order(upload)),
                Map.entry("catalog", CATALOG.kind().argument()),
                Map.entry("catalog_database", CATALOG.database())))), InMemoryJobMetrics.recording());
    }

    private long silverToGold(String runId, String key, int upload) {
        return SilverToGoldJob.run(spark, SilverToGoldArguments.from(JobArguments.of(Map.of(
                "run_id", runId,
                "ingestion_date", DAY.toString(),
                "source_key", key,
                "upload_order", order(upload),
                "silver_root", root("silver"),
                "gold_root", root("gold"),
                "catalog", CATALOG.kind().argument(),
                "catalog_database", CATALOG.database()))));
    }

    private List<Row> goldRows() {
        return spark.table(CATALOG.goldTable()).collectAsList();
    }

    private Map<Long, ExpectedGold> gold() {
        return goldRows().stream().map(ExpectedGold::read)
                .collect(Collectors.toMap(ExpectedGold::customerId, row -> row));
    }

    private Map<Long, Long> goldVersions() {
        return goldRows().stream().collect(Collectors.toMap(
                row -> row.<Long>getAs("customer_id"), row -> row.<Long>getAs("silver_version")));
    }

    private long goldSnapshots() {
        return spark.table(CATALOG.goldTable() + ".snapshots").count();
    }

    private List<Row> changeRows(String runId) {
        return spark.read().parquet(LakeLayout.goldChanges(root("gold"), runId)).collectAsList();
    }

    private Map<Long, ExpectedGold> changes(String runId) {
        return changeRows(runId).stream().map(ExpectedGold::read)
                .collect(Collectors.toMap(ExpectedGold::customerId, row -> row));
    }

    private Set<Long> changeVersions(String runId) {
        return changeRows(runId).stream().map(row -> row.<Long>getAs("silver_version")).collect(Collectors.toSet());
    }

    /** The version silver->gold stamps on what it computes from silver as it is now. */
    private long silverVersion() {
        return IcebergTables.load(spark, CATALOG.silverTable()).currentSnapshot().sequenceNumber();
    }

    private ExpectedGold expectedFor(long customerId) {
        return ExpectedGold.of(customerId, silver.values().stream()
                .filter(purchase -> purchase.customerId() == customerId).toList());
    }

    private Map<Long, ExpectedGold> expectedGold() {
        return silver.values().stream().map(Purchase::customerId).distinct()
                .collect(Collectors.toMap(customer -> customer, this::expectedFor));
    }

    private Map<Long, ExpectedGold> expectedChanges(Set<Long> touched) {
        return touched.stream().collect(Collectors.toMap(customer -> customer, this::expectedFor));
    }

    private static Purchase purchase(long purchaseId, long customerId, String date, String aud) {
        return new Purchase(purchaseId, customerId, "Cust", "No" + customerId, "c" + customerId + "@x.com", date, aud);
    }

    @Test
    void firstUpload_createsAGoldRowPerCustomer_stampedWithTheSilverVersion() throws IOException {
        Set<Long> touched = upload("u1.csv", 1,
                purchase(1, 10, "2026-01-02", "10.01"),
                purchase(2, 10, "2026-01-01", "0.99"),
                purchase(3, 20, "2026-02-01", "5.00"));

        long recomputed = silverToGold("g1", "u1.csv", 1);

        assertThat(touched).containsExactlyInAnyOrder(10L, 20L);
        assertThat(recomputed).isEqualTo(2);
        assertThat(gold()).isEqualTo(expectedGold());
        assertThat(gold().get(10L).total()).isEqualTo(new BigDecimal("11.00"));
        assertThat(changes("g1")).isEqualTo(expectedChanges(touched));
        assertThat(changeVersions("g1")).containsExactly(silverVersion());
        assertThat(goldVersions()).containsOnly(Map.entry(10L, silverVersion()), Map.entry(20L, silverVersion()));
    }

    @Test
    void correctionMovingPurchases_recomputesOldAndNewOwners_andDropsTheOwnerLeftWithoutAny() throws IOException {
        upload("u1.csv", 1,
                purchase(100, 1, "2026-01-01", "10.00"),
                purchase(101, 1, "2026-01-02", "20.00"),
                purchase(200, 2, "2026-01-03", "30.00"),
                purchase(300, 3, "2026-01-04", "40.00"),
                purchase(400, 4, "2026-01-05", "50.00"));
        silverToGold("g1", "u1.csv", 1);
        long versionOfU1 = silverVersion();

        // 101 and 400 belonged to customers 1 and 4; the correction gives both to customer 2, 101 with a new amount.
        Set<Long> touched = upload("u2.csv", 2,
                purchase(101, 2, "2026-01-02", "21.00"),
                purchase(400, 2, "2026-01-05", "50.00"));
        silverToGold("g2", "u2.csv", 2);

        assertThat(touched).containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThat(changes("g2")).isEqualTo(expectedChanges(touched));
        assertThat(changes("g2").get(4L)).isEqualTo(new ExpectedGold(4, null, null, null, 0, null, null, null));
        assertThat(changes("g2").get(1L).total()).isEqualTo(new BigDecimal("10.00"));
        assertThat(changes("g2").get(2L).total()).isEqualTo(new BigDecimal("101.00"));
        assertThat(changeVersions("g2")).containsExactly(silverVersion());
        assertThat(gold()).isEqualTo(expectedGold()).doesNotContainKey(4L);
        assertThat(goldVersions()).as("customer 3 was not touched by u2")
                .containsOnly(Map.entry(1L, silverVersion()), Map.entry(2L, silverVersion()),
                        Map.entry(3L, versionOfU1));
    }

    @Test
    void olderUploadArrivingLate_commitsNothingToSilver_soItsRunWritesEmptyChanges_andLeavesGoldUntouched()
            throws IOException {
        upload("u1.csv", 1, purchase(500, 1, "2026-01-05", "10.00"), purchase(501, 3, "2026-01-05", "1.00"));
        silverToGold("g1", "u1.csv", 1);
        upload("u3.csv", 3, purchase(500, 1, "2026-01-05", "30.00"));
        silverToGold("g3", "u3.csv", 3);
        List<Row> goldBefore = goldRows();
        long snapshotsBefore = goldSnapshots();

        Set<Long> touched = upload("u2.csv", 2, purchase(500, 2, "2026-01-06", "20.00"));
        long recomputed = silverToGold("g2", "u2.csv", 2);

        assertThat(touched).isEmpty();
        assertThat(recomputed).isZero();
        assertThat(changeRows("g2")).isEmpty();
        assertThat(spark.read().parquet(LakeLayout.goldChanges(root("gold"), "g2")).schema())
                .isEqualTo(GoldAggregation.SCHEMA);
        assertThat(goldRows()).containsExactlyInAnyOrderElementsOf(goldBefore);
        assertThat(goldSnapshots()).isEqualTo(snapshotsBefore);
        assertThat(gold()).isEqualTo(expectedGold());
        assertThat(gold().get(1L).total()).isEqualTo(new BigDecimal("30.00"));
    }

    @Test
    void rerunOfTheSameRun_writesTheSameChangesAndGold_andALateReplayOfAnEarlierRunRegressesNothing()
            throws IOException {
        Set<Long> touchedByU1 = upload("u1.csv", 1,
                purchase(100, 1, "2026-01-01", "10.00"),
                purchase(200, 2, "2026-01-02", "20.00"));
        silverToGold("g1", "u1.csv", 1);
        Set<Long> touchedByU2 = upload("u2.csv", 2, purchase(100, 2, "2026-01-01", "15.00"));
        silverToGold("g2", "u2.csv", 2);
        List<Row> changesOfG2 = changeRows("g2");
        List<Row> goldAfterG2 = goldRows();

        silverToGold("g2", "u2.csv", 2);

        assertThat(changeRows("g2")).containsExactlyInAnyOrderElementsOf(changesOfG2);
        assertThat(goldRows()).containsExactlyInAnyOrderElementsOf(goldAfterG2);

        // A retry of g1 after g2 recomputes u1's customers from today's silver: same values, nothing older comes back.
        silverToGold("g1", "u1.csv", 1);

        assertThat(changes("g1")).isEqualTo(expectedChanges(touchedByU1));
        assertThat(changes("g1").get(1L).count()).isZero();
        assertThat(changes("g2")).isEqualTo(expectedChanges(touchedByU2));
        assertThat(goldRows()).containsExactlyInAnyOrderElementsOf(goldAfterG2);
        assertThat(gold()).isEqualTo(expectedGold()).containsOnlyKeys(2L);
    }

    @Test
    void latestPurchase_namesTheCustomer_byDateThenPurchaseId_acrossUploads() throws IOException {
        upload("u1.csv", 1,
                new Purchase(1, 10, "Ann", "Lee", "ann@x.com", "2026-01-02", "10.01"),
                new Purchase(2, 10, "Ann", "Old", "old@x.com", "2026-01-01", "0.99"),
                // same date as purchase 1: the greater purchase_id decides name and email
                new Purchase(7, 10, "Ann", "New", "new@x.com", "2026-01-02", "100.00"));
        silverToGold("g1", "u1.csv", 1);

        assertThat(gold()).isEqualTo(expectedGold());
        assertThat(gold().get(10L)).extracting(ExpectedGold::fullName, ExpectedGold::email,
                ExpectedGold::latestPurchaseId).containsExactly("Ann New", "new@x.com", 7L);

        upload("u2.csv", 2,
                // a greater id on an older date does not name the customer; a later date does, whatever its id
                new Purchase(99, 10, "Ann", "Older", "older@x.com", "2025-12-31", "1.00"),
                new Purchase(4, 10, "Ann", "Latest", "latest@x.com", "2026-01-03", "1.00"));
        silverToGold("g2", "u2.csv", 2);

        assertThat(gold()).isEqualTo(expectedGold());
        assertThat(gold().get(10L)).extracting(ExpectedGold::fullName, ExpectedGold::email,
                ExpectedGold::latestPurchaseId, ExpectedGold::first, ExpectedGold::last)
                .containsExactly("Ann Latest", "latest@x.com", 4L, LocalDate.parse("2025-12-31"),
                        LocalDate.parse("2026-01-03"));
    }

    @Test
    void nameCorrections_reachGold_whetherTheyHitTheLatestPurchaseOrAnOlderOne_evenWhenGoldRunsLag()
            throws IOException {
        upload("u1.csv", 1,
                new Purchase(1, 10, "Ann", "Lee", "ann@x.com", "2026-01-01", "1.00"),
                new Purchase(2, 10, "Ann", "Lee", "ann@x.com", "2026-01-05", "2.00"),
                new Purchase(3, 20, "Bob", "Ray", "bob@x.com", "2026-01-05", "3.00"));
        silverToGold("g1", "u1.csv", 1);

        // GIVEN a correction of customer 10's older purchase only, and one of its latest purchase's name and e-mail
        // (same id, same date), both committed to silver before either gold run
        Set<Long> touchedByU2 = upload("u2.csv", 2,
                new Purchase(1, 10, "Ann", "Older", "older@x.com", "2026-01-01", "1.50"));
        upload("u3.csv", 3, new Purchase(2, 10, "Ann", "Renamed", "renamed@x.com", "2026-01-05", "2.00"),
                new Purchase(3, 20, "Bob", "Ray", "bob@x.com", "2026-01-05", "3.00"));

        // WHEN the gold runs follow, the later upload's first
        silverToGold("g3", "u3.csv", 3);
        silverToGold("g2", "u2.csv", 2);

        // THEN gold names each customer after its latest purchase as silver now holds it
        assertThat(gold()).isEqualTo(expectedGold());
        assertThat(gold().get(10L)).extracting(ExpectedGold::fullName, ExpectedGold::email, ExpectedGold::total)
                .containsExactly("Ann Renamed", "renamed@x.com", new BigDecimal("3.50"));
        assertThat(changes("g2")).isEqualTo(expectedChanges(touchedByU2));
    }

    @Test
    void goldTableAndChanges_haveTheContractsSchema() throws IOException {
        upload("u1.csv", 1, purchase(1, 10, "2026-01-02", "10.00"));
        silverToGold("g1", "u1.csv", 1);

        StructType table = spark.table(CATALOG.goldTable()).schema();
        StructType changes = spark.read().parquet(LakeLayout.goldChanges(root("gold"), "g1")).schema();

        List<String> contract = LakeSchemas.GOLD.stream().map(column -> column.name() + " " + column.type()).toList();
        assertThat(namesAndTypes(table)).containsExactlyElementsOf(contract);
        assertThat(namesAndTypes(changes)).containsExactlyElementsOf(contract);
        assertThat(namesAndTypes(GoldAggregation.SCHEMA)).containsExactlyElementsOf(contract);
    }

    private static List<String> namesAndTypes(StructType schema) {
        return Arrays.stream(schema.fields())
                .map(field -> field.name() + " " + field.dataType().catalogString()).toList();
    }

    @Test
    void lifetimeTotalBeyondDecimal18_2AcrossUploads_failsNamingTheCustomer_andKeepsGold() throws IOException {
        Files.writeString(lake.resolve("reference/fx.csv"), "currency,rate_date,aud_per_unit\nKWD,2026-01-01,20000\n");
        // 300000000000 KWD at 20000: AUD 6000000000000000.00, which each upload's bronze->silver lets through for
        // customer 7; the two together do not fit.
        bronzeToSilver("k1.csv", 1, HEADER + "7,Big,Spender,big@x.com,1,2026-01-02,300000000000,KWD\n");
        silverToGold("g1", "k1.csv", 1);
        bronzeToSilver("k2.csv", 2, HEADER + "7,Big,Spender,big@x.com,2,2026-01-03,300000000000,KWD\n");

        assertThat(spark.conf().get("spark.sql.ansi.enabled")).isEqualTo("true");
        assertThatThrownBy(() -> silverToGold("g2", "k2.csv", 2))
                .hasStackTraceContaining("customer 7 lifetime total exceeds DECIMAL(18,2)");
        assertThat(gold()).containsOnlyKeys(7L);
        assertThat(gold().get(7L).total()).isEqualTo(new BigDecimal("6000000000000000.00"));
    }
}
