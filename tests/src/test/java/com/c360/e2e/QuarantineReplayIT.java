package com.c360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.ReplayRequest;
import com.c360.contract.TableCatalog;
import com.c360.glue.silver.ReplayRecord;
import com.c360.glue.silver.SilverMerge;
import com.c360.local.IngestReport;
import com.c360.local.LocalLake;
import com.c360.local.LocalPipeline;
import com.c360.local.RepoLayout;
import com.c360.local.ReplayReport;
import com.c360.local.db.LocalDatabase;
import com.c360.testing.PostgresTestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay after an FX fix: a file whose JPY and CHF rows had no rate is ingested, then its {@code no_fx_rate} rows are
 * replayed with a table that has JPY but still no CHF. The totals below are computed by hand from the file's lines.
 */
class QuarantineReplayIT {
    private static final String PURCHASES = """
            customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency
            1,Ann,Lee,ann@example.com,101,2026-03-01,10.00,AUD
            1,Ann,Lee,ann@example.com,102,2026-03-02,1000,JPY
            2,Bo,Chan,bo@example.com,201,2026-03-03,20.00,USD
            2,Bo,Chan,bo@example.com,202,2026-03-04,333,JPY
            3,Cy,Dee,cy@example.com,301,2026-03-05,50,JPY
            4,Di,Eve,di@example.com,401,2026-03-06,7.50,CHF
            5,Ed,Fox,ed@example.com,501,not-a-date,1.00,AUD
            """;
    private static final String TEST1_DAY = "2026-03-10";
    private static final String TEST1_FILE = "source_key = 'year=2026/month=03/day=10/purchases.csv'";
    private static final Set<Long> TEST1_CUSTOMERS = Set.of(1L, 2L, 3L, 4L, 5L);
    private static final String FEED = "online-retail";
    private static final Path FEED_FIXTURE = Path.of("..", "glue-jobs", "src", "test", "resources", "fixtures",
            "feeds", FEED, FEED + "-2026-03-30.csv").toAbsolutePath().normalize();
    private static final Set<Long> FEED_CUSTOMERS = Set.of(12583L, 13047L, 14527L, 17850L);
    private static final String FX_WITHOUT_JPY = """
            currency,rate_date,aud_per_unit
            USD,2026-01-01,1.5
            """;
    private static final String FX_WITH_JPY = FX_WITHOUT_JPY + "JPY,2026-01-01,0.01\n";

    @TempDir
    static Path work;

    private static PostgresTestDatabase server;
    private static LocalDatabase database;
    private static LocalPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        server = PostgresTestDatabase.create(QuarantineReplayIT.class);
        database = LocalDatabase.open(work.resolve("home"), server.connectionEnvironment(LocalDatabase.URL_ENV,
                LocalDatabase.USER_ENV, LocalDatabase.PASSWORD_ENV));
        pipeline = LocalPipeline.open(RepoLayout.locate(), work.resolve("home"), database, System.out);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (database != null) {
            database.close();
        }
        server.close();
    }

    @Test
    void noFxRateRows_replayedAfterTheRateIsAdded_leaveQuarantineOnce_andCountOnce() throws IOException, SQLException {
        // GIVEN a file ingested with an FX table lacking JPY and CHF: 102, 202, 301 (JPY) and 401 (CHF) are
        // quarantined as no_fx_rate, 501 as bad_date
        Path csv = write("purchases.csv", PURCHASES);
        IngestReport ingested = pipeline.ingest(csv, Optional.of(LocalDate.parse("2026-03-10")),
                Optional.of(write("fx-without-jpy.csv", FX_WITHOUT_JPY)));
        assertThat(ingested.succeeded()).as(ingested.error()).isTrue();
        assertThat(ingested.rowsQuarantined()).isEqualTo(5);
        // 101: 10.00 AUD; 201: 20.00 USD × 1.5 = 30.00 AUD
        assertThat(summary(TEST1_CUSTOMERS)).isEqualTo(Map.of(1L, new BigDecimal("10.00"), 2L, new BigDecimal("30.00")));
        assertThat(quarantineByPurchase(TEST1_DAY)).isEqualTo(Map.of("102", "no_fx_rate", "202", "no_fx_rate",
                "301", "no_fx_rate", "401", "no_fx_rate", "501", "bad_date"));

        Path partitionBackup = work.resolve("quarantine-before-replay");
        copyDataFiles(quarantinePartition(TEST1_DAY), partitionBackup);

        // WHEN the no_fx_rate rows are replayed with JPY at 0.01 AUD from 2026-01-01 (CHF still missing)
        Path fixedFx = write("fx-with-jpy.csv", FX_WITH_JPY);
        ReplayReport first = pipeline.replay(ReplayRequest.Selector.REASON, "no_fx_rate", Optional.of(fixedFx));

        // THEN the JPY rows count: 1000 × 0.01 = 10.00; 333 × 0.01 = 3.33; 50 × 0.01 = 0.50
        assertThat(first.succeeded()).as(first.error()).isTrue();
        Map<Long, BigDecimal> expected = Map.of(1L, new BigDecimal("20.00"), 2L, new BigDecimal("33.33"),
                3L, new BigDecimal("0.50"));
        assertThat(summary(TEST1_CUSTOMERS)).isEqualTo(expected);
        ReplayRecord record = first.record().orElseThrow();
        assertThat(record.rowsSelected()).isEqualTo(4);
        assertThat(record.rowsReplayed()).isEqualTo(3);
        assertThat(record.stillQuarantinedByReason()).isEqualTo(Map.of("no_fx_rate", 1L));
        assertThat(record.silver()).isEqualTo(new SilverMerge.Result(SilverMerge.Outcome.MERGED, 3, 0, 3));
        // AND they left quarantine; the CHF row, still without a rate, and the bad date stay
        assertThat(quarantineByPurchase(TEST1_DAY)).isEqualTo(Map.of("401", "no_fx_rate", "501", "bad_date"));
        // AND silver holds each purchase once, the replayed ones with their upload's lineage
        assertThat(silverCount(TEST1_FILE)).isEqualTo(5);
        assertThat(silverCount("purchase_id = 102 AND source_key = 'year=2026/month=03/day=10/purchases.csv'"
                + " AND source_line = 3 AND ingestion_date = DATE'2026-03-10' AND run_id = '"
                + first.executionName() + "'")).isEqualTo(1);
        long snapshots = silverSnapshots();

        // WHEN the same replay runs again
        ReplayReport second = pipeline.replay(ReplayRequest.Selector.REASON, "no_fx_rate", Optional.of(fixedFx));

        // THEN nothing changes: the summary, silver's snapshots and rows, quarantine
        assertThat(second.succeeded()).as(second.error()).isTrue();
        assertThat(second.record().orElseThrow().rowsReplayed()).isZero();
        assertThat(second.record().orElseThrow().silver().outcome()).isEqualTo(SilverMerge.Outcome.NOTHING_NEWER);
        assertThat(summary(TEST1_CUSTOMERS)).isEqualTo(expected);
        assertThat(silverSnapshots()).isEqualTo(snapshots);
        assertThat(silverCount(TEST1_FILE)).isEqualTo(5);
        assertThat(quarantineByPurchase(TEST1_DAY)).isEqualTo(Map.of("401", "no_fx_rate", "501", "bad_date"));

        // WHEN a replay crashed after its silver commit, with its new quarantine files written and the old ones
        // not yet deleted (simulated: the files from before the first replay put back beside the new ones)
        copyDataFiles(partitionBackup, quarantinePartition(TEST1_DAY));
        ReplayReport afterCrash = pipeline.replay(ReplayRequest.Selector.REASON, "no_fx_rate", Optional.of(fixedFx));

        // THEN the re-run takes the rows out of quarantine again, silver commits nothing, nothing counts twice
        assertThat(afterCrash.succeeded()).as(afterCrash.error()).isTrue();
        assertThat(afterCrash.record().orElseThrow().rowsReplayed()).isEqualTo(3);
        assertThat(afterCrash.record().orElseThrow().silver().outcome()).isEqualTo(SilverMerge.Outcome.NOTHING_NEWER);
        assertThat(summary(TEST1_CUSTOMERS)).isEqualTo(expected);
        assertThat(silverSnapshots()).isEqualTo(snapshots);
        assertThat(silverCount(TEST1_FILE)).isEqualTo(5);
        assertThat(quarantineByPurchase(TEST1_DAY)).isEqualTo(Map.of("401", "no_fx_rate", "501", "bad_date"));
    }

    /** The one file's quarantine partition. */
    private static Path quarantinePartition(String ingestionDate) throws IOException {
        Path day = LocalLake.inHome(work.resolve("home")).layer(LocalLake.QUARANTINE)
                .resolve("ingestion_date=" + ingestionDate);
        try (Stream<Path> partitions = Files.list(day)) {
            List<Path> all = partitions.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** The Parquet files of one folder into another, as they are. */
    private static void copyDataFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /**
     * The online-retail fixture of 2026-03-30 (see its README): GBP at 2.0089 AUD, each purchase rounded half-up to
     * cents. Line 7 (quantity 200000) broke {@code quantity_in_range}, line 10 (no quantity) {@code quantity_present}.
     */
    @Test
    void ruleRejections_replayedByRule_leaveQuarantineOnlyOnceTheContractDropsTheRule() throws IOException,
            SQLException {
        // GIVEN the day ingested: 13047 42.96 GBP; 12583 25.50 + 18.00 GBP; 14527 -8.85 GBP
        IngestReport ingested = pipeline.ingest(FEED_FIXTURE, Optional.of(LocalDate.parse("2026-03-30")),
                Optional.empty(), FEED);
        assertThat(ingested.succeeded()).as(ingested.error()).isTrue();
        Map<Long, BigDecimal> before = Map.of(13047L, new BigDecimal("86.30"),
                12583L, new BigDecimal("87.39"), 14527L, new BigDecimal("-17.78"));
        assertThat(summary(FEED_CUSTOMERS)).isEqualTo(before);
        Map<String, Long> quarantinedBefore = reasons("2026-03-30");
        assertThat(quarantinedBefore).isEqualTo(Map.of("conflicting_duplicate", 2L, "rule_violation", 2L));

        // WHEN quantity_in_range's rows are replayed while the contract still has the rule
        ReplayReport ruleInForce = pipeline.replay(ReplayRequest.Selector.RULE, "quantity_in_range", Optional.empty());

        // THEN the row stays as it was
        assertThat(ruleInForce.succeeded()).as(ruleInForce.error()).isTrue();
        assertThat(ruleInForce.record().orElseThrow().rowsSelected()).isEqualTo(1);
        assertThat(ruleInForce.record().orElseThrow().stillQuarantinedByReason())
                .isEqualTo(Map.of("rule_violation", 1L));
        assertThat(reasons("2026-03-30")).isEqualTo(quarantinedBefore);
        assertThat(summary(FEED_CUSTOMERS)).isEqualTo(before);

        // WHEN the feed's contract drops both quantity rules, and each rule's rows are replayed
        Path contract = LocalLake.inHome(work.resolve("home")).feeds().resolve(FEED + ".yaml");
        List<String> kept = Files.readAllLines(contract).stream()
                .filter(line -> !line.contains("name: quantity_in_range") && !line.contains("name: quantity_present"))
                .toList();
        Files.write(contract, kept);
        ReplayReport inRange = pipeline.replay(ReplayRequest.Selector.RULE, "quantity_in_range", Optional.empty());
        ReplayReport present = pipeline.replay(ReplayRequest.Selector.RULE, "quantity_present", Optional.empty());

        // THEN line 7 counts: 200000 x 12.75 = 2550000 GBP = 5122695.00 AUD for 12583; line 10 has no amount, so
        // it stays, now as missing_amount
        assertThat(inRange.succeeded()).as(inRange.error()).isTrue();
        assertThat(inRange.record().orElseThrow().rowsReplayed()).isEqualTo(1);
        assertThat(present.succeeded()).as(present.error()).isTrue();
        assertThat(present.record().orElseThrow().rowsReplayed()).isZero();
        assertThat(present.record().orElseThrow().stillQuarantinedByReason()).isEqualTo(Map.of("missing_amount", 1L));
        assertThat(summary(FEED_CUSTOMERS)).isEqualTo(Map.of(13047L, new BigDecimal("86.30"),
                12583L, new BigDecimal("5122782.39"), 14527L, new BigDecimal("-17.78")));
        assertThat(reasons("2026-03-30")).isEqualTo(Map.of("conflicting_duplicate", 2L, "missing_amount", 1L));
    }

    private static Map<String, Long> reasons(String ingestionDate) throws IOException {
        Map<String, Long> reasons = new TreeMap<>();
        for (Row row : spark().read().parquet(quarantinePartition(ingestionDate).toString()).groupBy("reason").count()
                .collectAsList()) {
            reasons.put(row.getString(0), row.getLong(1));
        }
        return reasons;
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text);
    }

    private static Map<Long, BigDecimal> summary(Set<Long> customers) throws SQLException {
        Map<Long, BigDecimal> rows = new TreeMap<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT customer_id, total_spent_aud FROM customer_purchase_summary")) {
            while (result.next()) {
                if (customers.contains(result.getLong(1))) {
                    rows.put(result.getLong(1), result.getBigDecimal(2));
                }
            }
        }
        return rows;
    }

    private static Map<String, String> quarantineByPurchase(String day) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        for (Row row : spark().read().parquet(quarantinePartition(day).toString()).select("raw_purchase_id", "reason")
                .collectAsList()) {
            assertThat(rows.put(row.getString(0), row.getString(1))).as("one row per purchase").isNull();
        }
        return rows;
    }

    private static long silverCount(String where) {
        return spark().sql("SELECT * FROM " + TableCatalog.local().silverTable() + " WHERE " + where).count();
    }

    private static long silverSnapshots() {
        return spark().sql("SELECT * FROM " + TableCatalog.local().silverTable() + ".snapshots").count();
    }

    private static SparkSession spark() {
        return pipeline.startSpark();
    }
}
