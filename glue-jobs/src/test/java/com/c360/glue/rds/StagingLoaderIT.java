package com.c360.glue.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The COPY loader without Spark: exact round trip of awkward text, numbers and dates, atomic re-staging, streaming
 * input.
 */
class StagingLoaderIT {
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    private static StagingDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException, IOException {
        database = StagingDatabase.create(StagingLoaderIT.class);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        database.truncate();
    }

    private static StagingRow row(long customerId, String fullName, String email) {
        return new StagingRow(customerId, fullName, email, new BigDecimal("12.34"), 2L, LocalDate.of(2024, 4, 1),
                LocalDate.of(2024, 4, 30), 1000 + customerId, 7L);
    }

    private static long stage(String runId, Iterator<StagingRow> rows) throws SQLException {
        try (Connection connection = database.connect()) {
            return new StagingLoader().stage(connection, runId, DAY, rows);
        }
    }

    private static List<StagingRow> staged(String runId) throws SQLException {
        List<StagingRow> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                var statement = connection.prepareStatement("SELECT * FROM customer_purchase_summary_staging "
                        + "WHERE run_id = ? ORDER BY customer_id")) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    assertThat(row.getObject("ingestion_date", LocalDate.class)).isEqualTo(DAY);
                    rows.add(new StagingRow(row.getLong("customer_id"), row.getString("full_name"),
                            row.getString("email"), row.getBigDecimal("total_spent_aud"),
                            row.getLong("purchase_count"), row.getObject("first_purchase_date", LocalDate.class),
                            row.getObject("last_purchase_date", LocalDate.class),
                            row.getObject("latest_purchase_id", Long.class), row.getLong("silver_version")));
                }
            }
        }
        return rows;
    }

    private static String pipelineRun(String runId) throws SQLException {
        try (Connection connection = database.connect();
                var statement = connection.prepareStatement("SELECT ingestion_date || '/' || staged_rows || '/' "
                        + "|| (applied_at IS NULL) FROM pipeline_run WHERE run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void awkwardText_roundTripsExactly_andNullStaysDistinctFromEmpty() throws Exception {
        List<StagingRow> rows = List.of(
                row(1, "Smith, John", "john,smith@example.com"),
                row(2, "O\"Brien \"Bob\"", "\"quoted\"@example.com"),
                row(3, "Line one\nLine two", "crlf\r\n@example.com"),
                row(4, "\\.", "x\n\\.\ny@example.com"),
                row(5, "Zoë 山田 🎉", "名前@例え.jp"),
                row(6, "", null),
                row(7, null, ""),
                row(8, "back\\slash\ttab", "  padded  "));

        long staged = stage("run-1", rows.iterator());

        assertThat(staged).isEqualTo(8);
        assertThat(staged("run-1")).containsExactlyElementsOf(rows);
        assertThat(pipelineRun("run-1")).isEqualTo("2024-05-01/8/true");
    }

    @Test
    void numbersAndDates_roundTripExactly_inTheBinaryFormat() throws Exception {
        List<StagingRow> rows = List.of(
                new StagingRow(1L, "zero", null, new BigDecimal("0.00"), 1L, LocalDate.of(2000, 1, 1),
                        LocalDate.of(2000, 1, 2), 0L, 0L),
                new StagingRow(2L, "cents", null, new BigDecimal("0.05"), 2_147_483_647L, LocalDate.of(1999, 12, 31),
                        LocalDate.of(1970, 1, 1), -1L, Long.MAX_VALUE),
                new StagingRow(3L, "negative", null, new BigDecimal("-1234.56"), 3L, LocalDate.of(1900, 2, 28),
                        LocalDate.of(2400, 2, 29), Long.MIN_VALUE, 1L),
                new StagingRow(4L, "largest", null, new BigDecimal("9999999999999999.99"), 4L,
                        LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1), 5L, 6L),
                new StagingRow(5L, "digit groups", null, new BigDecimal("10000.01"), 5L, DAY, DAY, 7L, 8L),
                new StagingRow(Long.MAX_VALUE, "max id", null, new BigDecimal("100000000.00"), 6L, DAY, DAY, 9L,
                        10L),
                new StagingRow(-7L, "emptied", null, null, 0L, null, null, null, 11L));

        assertThat(stage("run-1", rows.iterator())).isEqualTo(7);

        assertThat(staged("run-1")).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void totalsOfAnotherScale_areRoundedHalfUpToCents_asTheServerRoundsText() throws Exception {
        stage("run-1", List.of(
                totalOf(1, new BigDecimal("1.005")),
                totalOf(2, new BigDecimal("-2.125")),
                totalOf(3, new BigDecimal("3.1")),
                totalOf(4, new BigDecimal("4E+3")),
                totalOf(5, new BigDecimal("0.00049999")),
                totalOf(6, new BigDecimal("123456789012.3456789012345678901234567890"))).iterator());

        assertThat(staged("run-1")).extracting(StagingRow::totalSpentAud).containsExactly(
                new BigDecimal("1.01"), new BigDecimal("-2.13"), new BigDecimal("3.10"), new BigDecimal("4000.00"),
                new BigDecimal("0.00"), new BigDecimal("123456789012.35"));
    }

    @Test
    void totalBeyondTheColumnsPrecision_failsTheStagingWithTheServersOverflow() throws Exception {
        assertThatThrownBy(() -> stage("run-1", List.of(totalOf(1, new BigDecimal("10000000000000000.00")))
                .iterator()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("numeric field overflow");
        assertThat(staged("run-1")).isEmpty();
    }

    private static StagingRow totalOf(long customerId, BigDecimal total) {
        return new StagingRow(customerId, "C", "c@x", total, 1L, DAY, DAY, 1L, 1L);
    }

    @Test
    void restagingTheSameRun_replacesItsRows_andResetsItToUnapplied() throws Exception {
        stage("run-1", List.of(row(1, "A", "a@x"), row(2, "B", "b@x"), row(3, "C", "c@x")).iterator());
        stage("other-run", List.of(row(9, "Z", "z@x")).iterator());
        try (Connection connection = database.connect()) {
            connection.createStatement().execute(
                    "UPDATE pipeline_run SET applied_at = now(), customers_upserted = 3 WHERE run_id = 'run-1'");
        }

        stage("run-1", List.of(row(1, "A2", "a@x"), row(4, "D", "d@x")).iterator());

        assertThat(staged("run-1")).extracting(StagingRow::customerId, StagingRow::fullName)
                .containsExactly(tuple(1L, "A2"), tuple(4L, "D"));
        assertThat(pipelineRun("run-1")).isEqualTo("2024-05-01/2/true");
        assertThat(staged("other-run")).hasSize(1);
    }

    @Test
    void twoStagingsOfOneRunAtOnce_takeTurns_andLeaveOnlyTheLaterOnesRows() throws Exception {
        CountDownLatch firstIsCopying = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Iterator<StagingRow> firstRows = new Iterator<>() {
            private long next = 1;

            @Override
            public boolean hasNext() {
                return next <= 3;
            }

            @Override
            public StagingRow next() {
                if (next == 3) {
                    firstIsCopying.countDown();
                    await(releaseFirst);
                }
                return row(next++, "first", "f@x");
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Long> first = executor.submit(() -> stage("run-1", firstRows));
            await(firstIsCopying);
            Thread second = new Thread(() -> {
                try {
                    stage("run-1", List.of(row(10, "second", "s@x"), row(11, "second", "s@x")).iterator());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            second.start();
            awaitLockWait();
            releaseFirst.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(3);
            second.join(30_000);
        } finally {
            releaseFirst.countDown();
            executor.shutdownNow();
        }

        assertThat(staged("run-1")).extracting(StagingRow::customerId).containsExactly(10L, 11L);
        assertThat(pipelineRun("run-1")).isEqualTo("2024-05-01/2/true");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until some session of this database waits for a lock: the second staging, behind the first. */
    private static void awaitLockWait() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = database.connect();
                var statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet waiting = statement.executeQuery()) {
                    waiting.next();
                    if (waiting.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the second staging never waited for the first");
    }

    @Test
    void failureHalfwayThroughTheRows_leavesThePreviousStagingIntact() throws Exception {
        stage("run-1", List.of(row(1, "A", "a@x")).iterator());
        Iterator<StagingRow> breaksAfterTwo = new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public StagingRow next() {
                if (served == 2) {
                    throw new IllegalStateException("executor lost");
                }
                return row(10 + served++, "N", "n@x");
            }
        };

        assertThatThrownBy(() -> stage("run-1", breaksAfterTwo)).hasMessage("executor lost");

        assertThat(staged("run-1")).extracting(StagingRow::customerId).containsExactly(1L);
        assertThat(pipelineRun("run-1")).isEqualTo("2024-05-01/1/true");
    }

    @Test
    void rowViolatingTheSchema_failsTheWholeStaging() throws Exception {
        StagingRow noCustomer = new StagingRow(null, "A", "a@x", BigDecimal.ONE, 1L, DAY, DAY, 1L, 7L);

        assertThatThrownBy(() -> stage("run-1", List.of(row(1, "A", "a@x"), noCustomer).iterator()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("customer_id");

        assertThat(staged("run-1")).isEmpty();
        assertThat(pipelineRun("run-1")).isNull();
    }

    @Test
    void rowsArePulledLazily_soALargeDayStreamsThrough() throws Exception {
        int rows = 50_000;
        Iterator<StagingRow> generated = LongStream.rangeClosed(1, rows).mapToObj(id -> row(id, "C" + id, id + "@x"))
                .iterator();

        assertThat(stage("big-run", generated)).isEqualTo(rows);
        assertThat(pipelineRun("big-run")).isEqualTo("2024-05-01/" + rows + "/true");
    }
}
