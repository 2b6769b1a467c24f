package com.c360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.lambda.db.DatabaseCredentials;
import com.c360.lambda.upsert.UpsertHandler;
import com.c360.local.IngestReport;
import com.c360.local.LocalLake;
import com.c360.local.LocalPipeline;
import com.c360.local.LocalSpark;
import com.c360.local.aws.LocalLambdaContext;
import com.c360.local.query.LakeTopSpenders;
import com.c360.testing.PostgresTestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline through the local runtime (the ASL file, the Glue job classes, the handlers, the SQL) against a
 * real Postgres, checked row by row against a plain-Java oracle. The tests build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {
    private static final LocalDate DAY_ONE = LocalDate.parse("2026-03-01");
    private static final LocalDate DAY_TWO = LocalDate.parse("2026-03-02");
    private static final String FX_CSV = """
            currency,rate_date,aud_per_unit
            USD,2025-12-01,1.523456
            USD,2026-02-01,1.487712
            EUR,2026-01-01,1.651234
            EUR,2026-01-20,1.660001
            GBP,2026-01-01,1.912345
            JPY,2026-01-01,0.010235
            """;

    @TempDir
    static Path work;

    private static LocalRuntime runtime;
    private static PostgresTestDatabase server;
    private static LocalPipeline pipeline;
    private static Path fxFile;
    private static final List<List<PurchaseFeed.Row>> ingested = new ArrayList<>();
    private static Path fileA;
    private static String runOfFileC;

    @BeforeAll
    static void startPipeline() throws Exception {
        runtime = LocalRuntime.start(PipelineEndToEndIT.class, work.resolve("home"));
        server = runtime.server();
        pipeline = runtime.pipeline();
        fxFile = Files.writeString(work.resolve("fx.csv"), FX_CSV);
    }

    @AfterAll
    static void stopPipeline() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static IngestReport ingest(Path file, LocalDate day) {
        return pipeline.ingest(file, Optional.of(day), Optional.of(fxFile));
    }

    @Test
    @Order(1)
    void threeFiles_everySummaryRowEqualsTheOracle() throws Exception {
        PurchaseFeed feed = new PurchaseFeed(42, 10_000);
        List<PurchaseFeed.Row> a = new ArrayList<>(feed.validRows(40, 12));
        a.addAll(feed.badRows());
        a.add(PurchaseFeed.exactDuplicateOf(a.get(3)));
        a.add(PurchaseFeed.exactDuplicateOf(a.get(10)));
        a.addAll(feed.conflictingPair());
        List<PurchaseFeed.Row> b = feed.validRows(30, 12);
        List<PurchaseFeed.Row> c = feed.validRows(20, 15);
        fileA = PurchaseFeed.write(work.resolve("in/purchases a.csv"), a, PurchaseFeed.HEADER, "\n", false);
        Path fileB = PurchaseFeed.write(work.resolve("in/purchases_b.csv"), b,
                List.of("currency", "amount", "purchase_date", "purchase_id", "email", "last_name", "first_name",
                        "customer_id"), "\r\n", true);
        Path fileC = PurchaseFeed.write(work.resolve("in/purchases_c.csv"), c, PurchaseFeed.HEADER, "\n", false);

        IngestReport reportA = ingest(fileA, DAY_ONE);
        IngestReport reportB = ingest(fileB, DAY_ONE);
        IngestReport reportC = ingest(fileC, DAY_TWO);
        ingested.addAll(List.of(a, b, c));
        runOfFileC = reportC.executionName();

        assertThat(List.of(reportA, reportB, reportC)).allSatisfy(r -> assertThat(r.succeeded()).as(r.error()).isTrue());
        // 40 valid + 11 bad + 2 exact duplicates + a conflicting pair = 55 rows read
        assertThat(reportA).extracting(IngestReport::rowsRead, IngestReport::rowsValid, IngestReport::rowsQuarantined,
                IngestReport::duplicatesCollapsed).containsExactly(55L, 40L, 13L, 2L);
        assertThat(reportB.rowsValid()).isEqualTo(30);
        assertThat(summaryTable()).containsExactlyEntriesOf(oracle().expected(ingested));
    }

    @Test
    @Order(2)
    void goldAcrossDays_agreesWithTheSummaryTable() throws Exception {
        Map<Long, SummaryOracle.SummaryRow> fromGold = new TreeMap<>();
        new LakeTopSpenders(LocalSpark.start("e2e"), LocalLake.inHome(work.resolve("home")).layer(LocalLake.GOLD))
                .top(Integer.MAX_VALUE)
                .forEach(t -> fromGold.put(t.customerId(), new SummaryOracle.SummaryRow(t.customerId(), t.fullName(),
                        t.email(), t.totalSpentAud(), t.firstPurchaseDate(), t.lastPurchaseDate())));

        assertThat(fromGold).containsExactlyEntriesOf(summaryTable());
    }

    @Test
    @Order(3)
    void reingestingAFile_leavesTheSummaryUnchanged() throws Exception {
        Map<Long, List<Object>> before = summaryWithUpdatedAt();

        IngestReport again = ingest(fileA, DAY_ONE);

        assertThat(again.succeeded()).as(again.error()).isTrue();
        assertThat(summaryWithUpdatedAt()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void rerunningTheUpsertOfAnAppliedRun_changesNothing() throws Exception {
        Map<Long, List<Object>> before = summaryWithUpdatedAt();
        UpsertHandler upsert = new UpsertHandler(new DatabaseCredentials(server.jdbcUrl(), server.user(),
                server.password().orElse(null)));
        ByteArrayOutputStream response = new ByteArrayOutputStream();

        upsert.handleRequest(new ByteArrayInputStream(("{\"runId\":\"" + runOfFileC + "\",\"ingestionDate\":\""
                + DAY_TWO + "\"}").getBytes(StandardCharsets.UTF_8)), response, LocalLambdaContext.forFunction("e2e-upsert"));

        assertThat(response.toString(StandardCharsets.UTF_8)).contains("\"alreadyApplied\":true");
        assertThat(summaryWithUpdatedAt()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void fileMissingAColumn_failsTheExecutionWithAnAlert_andChangesNothing() throws Exception {
        Map<Long, List<Object>> before = summaryWithUpdatedAt();
        Path broken = Files.writeString(work.resolve("in/broken.csv"),
                "customer_id,first_name,last_name,purchase_id,purchase_date,amount,currency\n1,A,B,99,2026-01-02,5,AUD\n");

        IngestReport report = ingest(broken, DAY_ONE);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).startsWith("c360.PipelineFailed").contains("States.TaskFailed")
                .contains("MissingRequiredColumnException")
                .contains("email");
        try (var alerts = Files.list(work.resolve("home/alerts"))) {
            assertThat(alerts.toList()).singleElement().satisfies(alert ->
                    assertThat(Files.readString(alert)).contains(report.executionName()).contains("States.TaskFailed"));
        }
        assertThat(summaryWithUpdatedAt()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void unterminatedQuote_failsWithTheTypedErrorLeadingTheCause_notASparkJobAbort() throws Exception {
        Path broken = Files.writeString(work.resolve("in/unterminated.csv"),
                "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency\n"
                        + "1,\"Ann,Lee,a@x.com,99,2026-01-02,5,AUD\n");

        IngestReport report = ingest(broken, DAY_ONE);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).startsWith("c360.PipelineFailed").contains("States.TaskFailed")
                .contains("MalformedCsvException: Bronze file ")
                .doesNotContain("SparkException").doesNotContain("Job aborted");
    }

    @Test
    @Order(7)
    void nulByteAndAncientDate_areQuarantined_andTheFilesValidRowReachesTheSummary() throws Exception {
        Path file = Files.writeString(work.resolve("in/row-level.csv"), String.join("\n",
                "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency",
                "990001,Nul\u0000,Byte,nul@x.com,990001,2026-01-02,5,AUD",
                "990002,Year,One,one@x.com,990002,0001-01-01,5,AUD",
                "990003,Valid,Row,valid@x.com,990003,2026-01-02,7.25,AUD") + "\n");

        IngestReport report = ingest(file, DAY_ONE);

        assertThat(report.succeeded()).as(report.error()).isTrue();
        Map<Long, SummaryOracle.SummaryRow> summary = summaryTable();
        assertThat(summary).doesNotContainKeys(990001L, 990002L);
        assertThat(summary.get(990003L).totalSpentAud()).isEqualByComparingTo("7.25");
    }

    private static SummaryOracle oracle() {
        Map<String, TreeMap<LocalDate, BigDecimal>> rates = new java.util.HashMap<>();
        FX_CSV.lines().skip(1).map(line -> line.split(",")).forEach(f -> rates
                .computeIfAbsent(f[0], k -> new TreeMap<>()).put(LocalDate.parse(f[1]), new BigDecimal(f[2])));
        return new SummaryOracle(rates);
    }

    private static Map<Long, SummaryOracle.SummaryRow> summaryTable() throws SQLException {
        Map<Long, SummaryOracle.SummaryRow> rows = new TreeMap<>();
        query(rs -> rows.put(rs.getLong("customer_id"), new SummaryOracle.SummaryRow(rs.getLong("customer_id"),
                rs.getString("full_name"), rs.getString("email"), rs.getBigDecimal("total_spent_aud"),
                rs.getObject("first_purchase_date", LocalDate.class),
                rs.getObject("last_purchase_date", LocalDate.class))));
        return rows;
    }

    private static Map<Long, List<Object>> summaryWithUpdatedAt() throws SQLException {
        Map<Long, List<Object>> rows = new TreeMap<>();
        query(rs -> rows.put(rs.getLong("customer_id"), List.of(rs.getString("full_name") + "|" + rs.getString("email"),
                rs.getBigDecimal("total_spent_aud"), rs.getObject("first_purchase_date", LocalDate.class),
                rs.getObject("last_purchase_date", LocalDate.class), rs.getObject("updated_at").toString())));
        return rows;
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(RowConsumer consumer) throws SQLException {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM customer_purchase_summary ORDER BY customer_id")) {
            while (rs.next()) {
                consumer.accept(rs);
            }
        }
    }
}
