package com.c360.lambda.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.lambda.db.DatabaseCredentials;
import com.c360.lambda.db.TransientDatabaseException;
import com.c360.lambda.migration.SchemaMigrator;
import com.c360.lambda.testing.TestContext;
import com.c360.lambda.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upsert's SQL against Postgres, checked against summaries worked out in the test from what it staged. */
class UpsertHandlerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2024-05-01";

    private static TestDatabase database;
    private UpsertHandler handler;

    /** A staged row as the gold→RDS job COPYs it; purchaseCount 0 (the rest null) empties the customer. */
    record Staged(long customerId, String fullName, String email, String totalSpentAud, int purchaseCount,
            String firstPurchaseDate, String lastPurchaseDate, Long latestPurchaseId, long silverVersion) {

        static Staged bought(long customerId, String name, String total, String first, String last,
                long silverVersion) {
            return new Staged(customerId, name, name.replace(' ', '.') + "@example.com", total, 1, first, last,
                    customerId * 1000 + silverVersion, silverVersion);
        }

        static Staged emptied(long customerId, long silverVersion) {
            return new Staged(customerId, null, null, null, 0, null, null, null, silverVersion);
        }
    }

    record Summary(String fullName, String email, BigDecimal totalSpentAud, LocalDate firstPurchaseDate,
            LocalDate lastPurchaseDate, OffsetDateTime updatedAt) {
    }

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(UpsertHandlerIT.class);
        SchemaMigrator.migrate(database.credentials());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("TRUNCATE customer_purchase_summary, customer_summary_version, "
                    + "customer_purchase_summary_staging, pipeline_run");
        }
        handler = new UpsertHandler(database.credentials());
    }

    /**
     * What the gold→RDS job leaves behind ({@code StagingLoader}): the run's previous staging and run row replaced by
     * its rows plus a {@code pipeline_run} row that is not yet applied.
     */
    private static void stage(String runId, Staged... rows) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement deleteRows = connection.prepareStatement(
                    "DELETE FROM customer_purchase_summary_staging WHERE run_id = ?");
                    PreparedStatement deleteRun = connection.prepareStatement(
                            "DELETE FROM pipeline_run WHERE run_id = ?");
                    PreparedStatement insertRow = connection.prepareStatement(
                            "INSERT INTO customer_purchase_summary_staging (run_id, ingestion_date, customer_id, "
                                    + "full_name, email, total_spent_aud, purchase_count, first_purchase_date, "
                                    + "last_purchase_date, latest_purchase_id, silver_version) "
                                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement insertRun = connection.prepareStatement(
                            "INSERT INTO pipeline_run (run_id, ingestion_date, staged_rows, staged_at) "
                                    + "VALUES (?, ?, ?, clock_timestamp())")) {
                deleteRows.setString(1, runId);
                deleteRows.executeUpdate();
                deleteRun.setString(1, runId);
                deleteRun.executeUpdate();
                for (Staged row : rows) {
                    insertRow.setString(1, runId);
                    insertRow.setDate(2, Date.valueOf(DAY));
                    insertRow.setLong(3, row.customerId());
                    insertRow.setString(4, row.fullName());
                    insertRow.setString(5, row.email());
                    insertRow.setBigDecimal(6, row.totalSpentAud() == null ? null
                            : new BigDecimal(row.totalSpentAud()));
                    insertRow.setInt(7, row.purchaseCount());
                    insertRow.setDate(8, dateOrNull(row.firstPurchaseDate()));
                    insertRow.setDate(9, dateOrNull(row.lastPurchaseDate()));
                    insertRow.setObject(10, row.latestPurchaseId(), Types.BIGINT);
                    insertRow.setLong(11, row.silverVersion());
                    insertRow.executeUpdate();
                }
                insertRun.setString(1, runId);
                insertRun.setDate(2, Date.valueOf(DAY));
                insertRun.setInt(3, rows.length);
                insertRun.executeUpdate();
            }
            connection.commit();
        }
    }

    private static Date dateOrNull(String date) {
        return date == null ? null : Date.valueOf(date);
    }

    private JsonNode upsert(String runId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String payload = "{\"runId\":\"" + runId + "\",\"ingestionDate\":\"" + DAY + "\"}";
        try {
            handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out,
                    new TestContext("upsert"));
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Long, Summary> summaries() throws SQLException {
        Map<Long, Summary> summaries = new TreeMap<>();
        try (Connection connection = database.connect();
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT * FROM customer_purchase_summary")) {
            while (row.next()) {
                summaries.put(row.getLong("customer_id"), new Summary(row.getString("full_name"),
                        row.getString("email"), row.getBigDecimal("total_spent_aud"),
                        row.getObject("first_purchase_date", LocalDate.class),
                        row.getObject("last_purchase_date", LocalDate.class),
                        row.getObject("updated_at", OffsetDateTime.class)));
            }
        }
        return summaries;
    }

    private static Map<Long, Long> versions() throws SQLException {
        Map<Long, Long> versions = new TreeMap<>();
        try (Connection connection = database.connect();
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT customer_id, silver_version FROM customer_summary_version")) {
            while (row.next()) {
                versions.put(row.getLong(1), row.getLong(2));
            }
        }
        return versions;
    }

    private static List<String> queryStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect();
                ResultSet row = connection.createStatement().executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    /** The summary row a staged customer should become, whatever its updated_at. */
    private static void assertSummaryOf(Summary actual, Staged expected) {
        assertThat(actual).as("summary of customer %d", expected.customerId()).isNotNull();
        assertThat(actual.fullName()).isEqualTo(expected.fullName());
        assertThat(actual.email()).isEqualTo(expected.email());
        assertThat(actual.totalSpentAud()).isEqualByComparingTo(expected.totalSpentAud());
        assertThat(actual.firstPurchaseDate()).isEqualTo(expected.firstPurchaseDate());
        assertThat(actual.lastPurchaseDate()).isEqualTo(expected.lastPurchaseDate());
    }

    @Test
    void newerVersion_replacesTheCustomer() throws SQLException {
        Staged aliceV1 = Staged.bought(1, "Alice", "10.00", "2024-04-28", "2024-05-01", 1);
        Staged bobV1 = Staged.bought(2, "Bob", "5.00", "2024-04-30", "2024-05-01", 1);
        Staged aliceV2 = Staged.bought(1, "Alice B", "12.50", "2024-04-20", "2024-05-01", 2);
        stage("run-1", aliceV1, bobV1);
        upsert("run-1");
        Summary bobBefore = summaries().get(2L);
        stage("run-2", aliceV2);

        JsonNode response = upsert("run-2");

        assertThat(response.get("customersUpserted").asInt()).isEqualTo(1);
        assertThat(response.get("alreadyApplied").asBoolean()).isFalse();
        Map<Long, Summary> summaries = summaries();
        assertThat(summaries).containsOnlyKeys(1L, 2L);
        assertSummaryOf(summaries.get(1L), aliceV2);
        assertThat(summaries.get(2L)).isEqualTo(bobBefore);
        assertThat(versions()).isEqualTo(Map.of(1L, 2L, 2L, 1L));
        assertThat(queryStrings("SELECT count(*) FROM customer_purchase_summary_staging")).containsExactly("0");
        assertThat(queryStrings("SELECT run_id || ':' || customers_upserted FROM pipeline_run "
                + "WHERE applied_at IS NOT NULL ORDER BY run_id")).containsExactly("run-1:2", "run-2:1");
    }

    @Test
    void olderVersionArrivingLate_changesNothing() throws SQLException {
        Staged aliceV5 = Staged.bought(1, "Alice New", "20.00", "2024-04-01", "2024-05-01", 5);
        stage("run-newer", aliceV5);
        stage("run-older", Staged.bought(1, "Alice Old", "10.00", "2024-04-01", "2024-04-15", 3));
        upsert("run-newer");
        Map<Long, Summary> before = summaries();

        JsonNode older = upsert("run-older");

        assertThat(older.get("customersUpserted").asInt()).isZero();
        assertThat(older.get("alreadyApplied").asBoolean()).isFalse();
        assertThat(summaries()).isEqualTo(before);
        assertSummaryOf(summaries().get(1L), aliceV5);
        assertThat(versions()).isEqualTo(Map.of(1L, 5L));
        assertThat(queryStrings("SELECT count(*) FROM customer_purchase_summary_staging")).containsExactly("0");
        assertThat(queryStrings("SELECT customers_upserted FROM pipeline_run WHERE run_id = 'run-older' "
                + "AND applied_at IS NOT NULL")).containsExactly("0");
    }

    @Test
    void emptiedCustomer_isDeleted_andAnOlderRunCannotBringItBack() throws SQLException {
        Staged bob = Staged.bought(2, "Bob", "5.00", "2024-05-01", "2024-05-01", 1);
        stage("run-bought", Staged.bought(1, "Alice", "10.00", "2024-05-01", "2024-05-01", 1), bob);
        stage("run-emptied", Staged.emptied(1, 3));
        stage("run-late", Staged.bought(1, "Alice", "10.00", "2024-05-01", "2024-05-01", 2));
        upsert("run-bought");

        JsonNode emptied = upsert("run-emptied");
        Map<Long, Summary> afterEmptied = summaries();
        JsonNode late = upsert("run-late");

        assertThat(emptied.get("customersUpserted").asInt()).isEqualTo(1);
        assertThat(afterEmptied).containsOnlyKeys(2L);
        assertThat(late.get("customersUpserted").asInt()).isZero();
        assertThat(summaries()).isEqualTo(afterEmptied);
        assertSummaryOf(summaries().get(2L), bob);
        assertThat(versions()).isEqualTo(Map.of(1L, 3L, 2L, 1L));
    }

    @Test
    void emptiedCustomerBuyingAgain_atANewerVersion_isSummarisedAgain() throws SQLException {
        Staged aliceV3 = Staged.bought(1, "Alice", "4.00", "2024-05-01", "2024-05-01", 3);
        stage("run-1", Staged.bought(1, "Alice", "10.00", "2024-04-01", "2024-04-01", 1));
        stage("run-2", Staged.emptied(1, 2));
        stage("run-3", aliceV3);
        upsert("run-1");
        upsert("run-2");

        upsert("run-3");

        assertThat(summaries()).containsOnlyKeys(1L);
        assertSummaryOf(summaries().get(1L), aliceV3);
        assertThat(versions()).isEqualTo(Map.of(1L, 3L));
    }

    @Test
    void replayOfAnAppliedRun_changesNothing_norUpdatedAt() throws SQLException {
        Staged alice = Staged.bought(1, "Alice", "10.50", "2024-05-01", "2024-05-01", 1);
        Staged bob = Staged.bought(2, "Bob", "5.00", "2024-05-01", "2024-05-01", 1);
        stage("run-1", alice, bob);
        upsert("run-1");
        Map<Long, Summary> before = summaries();
        List<String> appliedBefore = queryStrings("SELECT applied_at::text FROM pipeline_run");

        JsonNode replay = upsert("run-1");

        assertThat(replay.get("alreadyApplied").asBoolean()).isTrue();
        assertThat(replay.get("customersUpserted").asInt()).isEqualTo(2);
        assertThat(summaries()).isEqualTo(before);
        assertThat(versions()).isEqualTo(Map.of(1L, 1L, 2L, 1L));
        assertThat(queryStrings("SELECT applied_at::text FROM pipeline_run")).isEqualTo(appliedBefore);
    }

    @Test
    void restagedRunApplyingAgain_findsItsVersionsApplied_andChangesNothing_norUpdatedAt() throws SQLException {
        Staged alice = Staged.bought(1, "Alice", "10.50", "2024-05-01", "2024-05-01", 1);
        stage("run-1", alice);
        upsert("run-1");
        Map<Long, Summary> before = summaries();

        stage("run-1", alice); // the gold→RDS job re-ran for the same execution
        JsonNode again = upsert("run-1");

        assertThat(again.get("alreadyApplied").asBoolean()).isFalse();
        assertThat(again.get("customersUpserted").asInt()).isZero();
        assertThat(summaries()).isEqualTo(before);
    }

    @Test
    void sameValuesAtANewerVersion_leaveUpdatedAtAlone() throws SQLException {
        stage("run-1", Staged.bought(1, "Alice", "10.50", "2024-05-01", "2024-05-01", 1));
        upsert("run-1");
        Summary before = summaries().get(1L);
        // Same figures (NUMERIC compares 10.5 and 10.50 as equal) from a newer silver, e.g. a re-upload of the file.
        stage("run-2", Staged.bought(1, "Alice", "10.5", "2024-05-01", "2024-05-01", 2));
        Staged changed = Staged.bought(1, "Alice", "11.00", "2024-05-01", "2024-05-01", 3);
        stage("run-3", changed);

        JsonNode same = upsert("run-2");
        Summary afterSame = summaries().get(1L);
        upsert("run-3");

        assertThat(same.get("customersUpserted").asInt()).isEqualTo(1);
        assertThat(afterSame).isEqualTo(before);
        // The check above can fail: a change does move updated_at.
        assertSummaryOf(summaries().get(1L), changed);
        assertThat(summaries().get(1L).updatedAt()).isAfter(before.updatedAt());
        assertThat(versions()).isEqualTo(Map.of(1L, 3L));
    }

    @Test
    void eightConcurrentRuns_forOverlappingCustomers_convergeOnTheNewestVersionOfEach() throws Exception {
        int runs = 8;
        int customers = 60;
        Random random = new Random(20240501);
        // Each customer gets a distinct silver version in every run that stages it, so exactly one row is newest.
        List<List<Staged>> stagedByRun = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            stagedByRun.add(new ArrayList<>());
        }
        for (long customer = 1; customer <= customers; customer++) {
            List<Long> versions = new ArrayList<>();
            for (long version = 1; version <= runs; version++) {
                versions.add(version * 10);
            }
            Collections.shuffle(versions, random);
            for (int run = 0; run < runs; run++) {
                // Overlapping windows of 20 consecutive customers (wrapping), so every customer is in several runs.
                long offset = Math.floorMod(customer - 1 - run * 7L, customers);
                if (offset >= 20) {
                    continue;
                }
                long version = versions.get(run);
                stagedByRun.get(run).add(random.nextInt(5) == 0
                        ? Staged.emptied(customer, version)
                        : Staged.bought(customer, "C" + customer + " run" + run, customer + "." + run + "5",
                                "2024-04-0" + (run + 1), "2024-05-01", version));
            }
        }
        Map<Long, Staged> newest = new TreeMap<>();
        for (List<Staged> rows : stagedByRun) {
            for (Staged row : rows) {
                newest.merge(row.customerId(), row, (a, b) -> a.silverVersion() > b.silverVersion() ? a : b);
            }
        }
        for (int run = 0; run < runs; run++) {
            stage("run-" + run, stagedByRun.get(run).toArray(Staged[]::new));
        }

        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CyclicBarrier start = new CyclicBarrier(runs);
        try {
            List<Future<JsonNode>> results = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                String runId = "run-" + run;
                results.add(pool.submit(() -> {
                    UpsertHandlerIT invoker = new UpsertHandlerIT();
                    invoker.handler = new UpsertHandler(database.credentials());
                    start.await(30, TimeUnit.SECONDS);
                    return invoker.upsert(runId);
                }));
            }
            for (Future<JsonNode> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS).get("alreadyApplied").asBoolean()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Long, Summary> summaries = summaries();
        List<Long> stillBuying = newest.values().stream().filter(row -> row.purchaseCount() > 0)
                .map(Staged::customerId).toList();
        assertThat(stillBuying).hasSizeLessThan(newest.size()); // the oracle covers emptied customers too
        assertThat(summaries.keySet()).containsExactlyElementsOf(stillBuying);
        stillBuying.forEach(customer -> assertSummaryOf(summaries.get(customer), newest.get(customer)));
        Map<Long, Long> newestVersions = new TreeMap<>();
        newest.forEach((customer, row) -> newestVersions.put(customer, row.silverVersion()));
        assertThat(versions()).isEqualTo(newestVersions);
        assertThat(queryStrings("SELECT count(*) FROM customer_purchase_summary_staging")).containsExactly("0");
        assertThat(queryStrings("SELECT count(*) FROM pipeline_run WHERE applied_at IS NOT NULL"))
                .containsExactly(String.valueOf(runs));
    }

    @Test
    void incompleteStaging_isRefused_andWritesNothing() throws SQLException {
        stage("run-1", Staged.bought(1, "Alice", "10.00", "2024-05-01", "2024-05-01", 1),
                Staged.bought(2, "Bob", "5.00", "2024-05-01", "2024-05-01", 1));
        try (Connection connection = database.connect()) {
            connection.createStatement().executeUpdate(
                    "DELETE FROM customer_purchase_summary_staging WHERE run_id = 'run-1' AND customer_id = 2");
        }

        assertThatThrownBy(() -> upsert("run-1")).isInstanceOf(IncompleteStagingException.class)
                .hasMessageContaining("recorded 2 staged rows but 1");
        assertThat(summaries()).isEmpty();
        assertThat(versions()).isEmpty();
        assertThat(queryStrings("SELECT count(*) FROM customer_purchase_summary_staging")).containsExactly("1");
        assertThat(queryStrings("SELECT applied_at FROM pipeline_run")).containsOnlyNulls();
    }

    @Test
    void customerStagedTwice_isRefused_andWritesNothing() throws SQLException {
        stage("run-1", Staged.bought(1, "Alice", "10.00", "2024-05-01", "2024-05-01", 1),
                Staged.bought(2, "Bob", "5.00", "2024-05-01", "2024-05-01", 1),
                Staged.bought(2, "Bob", "7.00", "2024-05-01", "2024-05-01", 1));

        assertThatThrownBy(() -> upsert("run-1")).isInstanceOf(DuplicateStagedCustomerException.class)
                .hasMessageContaining("staged 3 rows for 2 distinct customers");
        assertThat(summaries()).isEmpty();
        assertThat(versions()).isEmpty();
        assertThat(queryStrings("SELECT count(*) FROM customer_purchase_summary_staging")).containsExactly("3");
        assertThat(queryStrings("SELECT applied_at FROM pipeline_run")).containsOnlyNulls();
    }

    /**
     * Crash recovery resets an unlogged table to empty, what TRUNCATE does here; pipeline_run is logged and keeps the
     * run's recorded count. The run is refused until gold→RDS stages it again, then applies normally.
     */
    @Test
    void stagingLostInADatabaseCrash_isRefusedAsIncomplete_untilTheRunIsStagedAgain() throws SQLException {
        assertThat(queryStrings("SELECT relname || '=' || relpersistence::text FROM pg_class WHERE relname IN "
                + "('customer_purchase_summary_staging', 'pipeline_run') ORDER BY relname"))
                .containsExactly("customer_purchase_summary_staging=u", "pipeline_run=p");
        Staged alice = Staged.bought(1, "Alice", "10.00", "2024-05-01", "2024-05-01", 1);
        Staged bob = Staged.bought(2, "Bob", "5.00", "2024-05-01", "2024-05-01", 1);
        stage("run-1", alice, bob);
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("TRUNCATE customer_purchase_summary_staging");
        }

        assertThatThrownBy(() -> upsert("run-1")).isInstanceOf(IncompleteStagingException.class)
                .hasMessageContaining("recorded 2 staged rows but 0");
        assertThat(summaries()).isEmpty();
        assertThat(queryStrings("SELECT applied_at FROM pipeline_run")).containsOnlyNulls();

        stage("run-1", alice, bob);
        assertThat(upsert("run-1").get("customersUpserted").asInt()).isEqualTo(2);
        assertSummaryOf(summaries().get(1L), alice);
        assertSummaryOf(summaries().get(2L), bob);
    }

    @Test
    void runThatWasNeverStaged_failsWithStagedRunNotFound() {
        assertThatThrownBy(() -> upsert("never-staged")).isInstanceOf(StagedRunNotFoundException.class)
                .hasMessageContaining("never-staged");
    }

    @Test
    void unreachableDatabase_failsWithTheExceptionStepFunctionsRetries() {
        handler = new UpsertHandler(new DatabaseCredentials("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "postgres", null));

        assertThatThrownBy(() -> upsert("run-a")).isInstanceOf(TransientDatabaseException.class);
    }
}
