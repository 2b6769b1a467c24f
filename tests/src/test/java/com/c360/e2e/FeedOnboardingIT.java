package com.c360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.feed.DatasetRules;
import com.c360.glue.silver.IngestionAudit;
import com.c360.glue.silver.SilverMerge;
import com.c360.local.IngestReport;
import com.c360.local.LocalPipeline;
import com.c360.testing.PostgresTestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line-item feed onboarded with its contract file alone ({@code feeds/online-retail.yaml}): three days of invoice
 * lines, ingested day by day through the local runtime, end in the summary exactly as computed by hand from the
 * fixture's lines (see the fixture's README.md: quantity × unit price in GBP, the shipped GBP rate 2.0089 from
 * 2026-03-01, each purchase rounded half-up to cents, cancellations and other returns netted).
 */
class FeedOnboardingIT {
    private static final String FEED = "online-retail";
    private static final Path FIXTURES = Path.of("..", "glue-jobs", "src", "test", "resources", "fixtures", "feeds",
            FEED).toAbsolutePath().normalize();

    @TempDir
    static Path work;

    private static LocalRuntime runtime;
    private static PostgresTestDatabase server;
    private static LocalPipeline pipeline;

    private record Accounting(long read, long valid, long quarantined, long collapsed) {
    }

    @BeforeAll
    static void startPipeline() {
        runtime = LocalRuntime.start(FeedOnboardingIT.class, work.resolve("home"));
        server = runtime.server();
        pipeline = runtime.pipeline();
    }

    @AfterAll
    static void stopPipeline() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void threeDaysOfInvoiceLines_ingestedDayByDay_endInTheHandComputedSummary_andAReplayChangesNothing()
            throws SQLException {
        // GIVEN the fixture's hand-computed row accounting per file
        Map<String, Accounting> expectedAccounting = Map.of(
                "2026-03-28", new Accounting(8, 6, 2, 0),
                "2026-03-29", new Accounting(9, 5, 4, 0),
                "2026-03-30", new Accounting(9, 4, 4, 1));

        // WHEN each day's file lands under the feed's folder in bronze
        IngestReport report = null;
        for (String day : new TreeMap<>(expectedAccounting).keySet()) {
            report = ingest(day);
            assertThat(report.succeeded()).as(report.error()).isTrue();
            assertThat(new Accounting(report.rowsRead(), report.rowsValid(), report.rowsQuarantined(),
                    report.duplicatesCollapsed())).as(day).isEqualTo(expectedAccounting.get(day));
        }

        // THEN the last day's run report tells its rules, drift, FX and what silver took (fixture README, 03-30)
        IngestionAudit lastDay = pipeline.runReport(report.executionName()).orElseThrow();
        assertThat(lastDay.feed()).isEqualTo(FEED);
        assertThat(lastDay.quarantinedByRule()).isEqualTo(Map.of("quantity_in_range", 1L, "quantity_present", 1L));
        assertThat(lastDay.accounting().quarantinedByReason())
                .isEqualTo(Map.of("conflicting_duplicate", 2L, "rule_violation", 2L));
        assertThat(lastDay.ignoredColumns()).containsExactly("Channel");
        assertThat(lastDay.fxRateDates()).isEqualTo(Map.of("GBP", List.of("2026-03-01")));
        assertThat(lastDay.silver()).isEqualTo(new SilverMerge.Result(SilverMerge.Outcome.MERGED, 4, 0, 3));
        assertThat(lastDay.datasetRules()).extracting(DatasetRules.Outcome::passed).containsOnly(true);

        // THEN the summary holds the fixture's totals; a re-upload of a day counts nothing twice
        Map<Long, BigDecimal> expected = Map.of(
                12583L, new BigDecimal("169.36"),
                13047L, new BigDecimal("133.91"),
                14527L, new BigDecimal("53.34"),
                17850L, new BigDecimal("105.55"));
        assertThat(summary()).isEqualTo(expected);
        assertThat(ingest("2026-03-29").succeeded()).isTrue();
        assertThat(summary()).isEqualTo(expected);
    }

    private static IngestReport ingest(String day) {
        return pipeline.ingest(FIXTURES.resolve(FEED + "-" + day + ".csv"), Optional.of(LocalDate.parse(day)),
                Optional.empty(), FEED);
    }

    private static Map<Long, BigDecimal> summary() throws SQLException {
        Map<Long, BigDecimal> rows = new TreeMap<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT customer_id, total_spent_aud FROM customer_purchase_summary")) {
            while (result.next()) {
                rows.put(result.getLong(1), result.getBigDecimal(2));
            }
        }
        return rows;
    }
}
