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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upsert's SQL against Postgres, checked against summaries worked out by hand. */
class UpsertHandlerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY_1 = "2024-05-01";
    private static final String DAY_2 = "2024-05-02";

    private static TestDatabase database;
    private UpsertHandler handler;

    record Daily(long customerId, String fullName, String email, String totalSpentAud, int purchaseCount,
            String firstPurchaseDate, String lastPurchaseDate, long latestPurchaseId) {
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
            connection.createStatement().execute("TRUNCATE customer_purchase_summary, customer_daily_purchase, "
                    + "customer_purchase_summary_staging, pipeline_run");
        }
        handler = new UpsertHandler(database.credentials());
    }

    /** What the gold→RDS job leaves behind: the run's rows in staging plus its pipeline_run row. */
    private static void stage(String runId, String day, Daily... rows) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement deleteRows = connection.prepareStatement(
                    "DELETE FROM customer_purchase_summary_staging WHERE run_id = ?");
                    PreparedStatement deleteRun = connection.prepareStatement(
                            "DELETE FROM pipeline_run WHERE run_id = ?");
                    PreparedStatement insertRow = connection.prepareStatement(
                            "INSERT INTO customer_purchase_summary_staging VALUES (?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement insertRun = connection.prepareStatement(
                            "INSERT INTO pipeline_run (run_id, ingestion_date, staged_rows, staged_at) "
                                    + "VALUES (?, ?, ?, clock_timestamp())")) {
                deleteRows.setString(1, runId);
                deleteRows.executeUpdate();
                deleteRun.setString(1, runId);
                deleteRun.executeUpdate();
                for (Daily row : rows) {
                    insertRow.setString(1, runId);
                    insertRow.setDate(2, Date.valueOf(day));
                    insertRow.setLong(3, row.customerId());
                    insertRow.setString(4, row.fullName());
                    insertRow.setString(5, row.email());
                    insertRow.setBigDecimal(6, new BigDecimal(row.totalSpentAud()));
                    insertRow.setInt(7, row.purchaseCount());
                    insertRow.setDate(8, Date.valueOf(row.firstPurchaseDate()));
                    insertRow.setDate(9, Date.valueOf(row.lastPurchaseDate()));
                    insertRow.setLong(10, row.latestPurchaseId());
                    insertRow.executeUpdate();
                }
                insertRun.setString(1, runId);
                insertRun.setDate(2, Date.valueOf(day));
                insertRun.setInt(3, rows.length);
                insertRun.executeUpdate();
            }
            connection.commit();
        }
    }

    private JsonNode upsert(String runId, String day) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String payload = "{\"runId\":\"" + runId + "\",\"ingestionDate\":\"" + day + "\"}";
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

    private static void assertSummary(Summary actual, String name, String email, String total, String first,
            String last) {
        assertThat(actual.fullName()).isEqualTo(name);
        assertThat(actual.email()).isEqualTo(email);
        assertThat(actual.totalSpentAud()).isEqualByComparingTo(total);
        assertThat(actual.firstPurchaseDate()).isEqualTo(first);
        assertThat(actual.lastPurchaseDate()).isEqualTo(last);
    }

    @Test
    void twoDays_summaryIsSumMinAndMaxAcrossDays() throws SQLException {
        stage("run-day-1", DAY_1,
                new Daily(1, "Alice", "alice@example.com", "10.50", 1, "2024-04-28", "2024-05-01", 101),
                new Daily(2, "Bob", "bob@example.com", "5.00", 2, "2024-04-30", "2024-05-01", 102));
        stage("run-day-2", DAY_2,
                new Daily(1, "Alice", "alice@example.com", "20.25", 2, "2024-05-02", "2024-05-02", 205),
                new Daily(3, "Carol", "carol@example.com", "1.00", 1, "2024-05-02", "2024-05-02", 301));

        JsonNode first = upsert("run-day-1", DAY_1);
        JsonNode second = upsert("run-day-2", DAY_2);

        assertThat(first.get("customersUpserted").asInt()).isEqualTo(2);
        assertThat(second.get("customersUpserted").asInt()).isEqualTo(2);
        assertThat(second.get("alreadyApplied").asBoolean()).isFalse();
        Map<Long, Summary> summaries = summaries();
        assertThat(summaries).containsOnlyKeys(1L, 2L, 3L);
        assertSummary(summaries.get(1L), "Alice", "alice@example.com", "30.75", "2024-04-28", "2024-05-02");
        assertSummary(summaries.get(2L), "Bob", "bob@example.com", "5.00", "2024-04-30", "2024-05-01");
        assertSummary(summaries.get(3L), "Carol", "carol@example.com", "1.00", "2024-05-02", "2024-05-02");
        assertThat(queryStrings("SELECT count(*) FROM customer_purchase_summary_staging")).containsExactly("0");
        assertThat(queryStrings("SELECT run_id || ':' || customers_upserted FROM pipeline_run "
                + "WHERE applied_at IS NOT NULL ORDER BY run_id")).containsExactly("run-day-1:2", "run-day-2:2");
    }

    @Test
    void nameAndEmail_comeFromLatestPurchaseDate_thenHighestPurchaseId_notFromLatestIngestion() throws SQLException {
        // Customer 1: day 1's file carried later purchases than day 2's, so day 1 holds the current name.
        // Customer 2: both days end on the same date; the higher purchase id (day 1 again) wins.
        stage("run-day-1", DAY_1,
                new Daily(1, "Dana New", "dana.new@example.com", "1.00", 1, "2024-05-10", "2024-05-10", 500),
                new Daily(2, "Eve Later Id", "eve.2@example.com", "2.00", 1, "2024-05-05", "2024-05-05", 11));
        stage("run-day-2", DAY_2,
                new Daily(1, "Dana Old", "dana.old@example.com", "3.00", 1, "2024-05-03", "2024-05-03", 900),
                new Daily(2, "Eve Earlier Id", "eve.1@example.com", "4.00", 1, "2024-05-05", "2024-05-05", 10));

        upsert("run-day-1", DAY_1);
        upsert("run-day-2", DAY_2);

        Map<Long, Summary> summaries = summaries();
        assertSummary(summaries.get(1L), "Dana New", "dana.new@example.com", "4.00", "2024-05-03", "2024-05-10");
        assertSummary(summaries.get(2L), "Eve Later Id", "eve.2@example.com", "6.00", "2024-05-05", "2024-05-05");
    }

    @Test
    void replayOfAnAppliedRun_changesNothing_notEvenUpdatedAt() throws SQLException {
        stage("run-day-1", DAY_1,
                new Daily(1, "Alice", "alice@example.com", "10.50", 1, "2024-05-01", "2024-05-01", 101),
                new Daily(2, "Bob", "bob@example.com", "5.00", 1, "2024-05-01", "2024-05-01", 102));
        upsert("run-day-1", DAY_1);
        Map<Long, Summary> before = summaries();
        List<String> runBefore = queryStrings("SELECT applied_at::text FROM pipeline_run");

        JsonNode replay = upsert("run-day-1", DAY_1);

        assertThat(replay.get("alreadyApplied").asBoolean()).isTrue();
        assertThat(replay.get("customersUpserted").asInt()).isEqualTo(2);
        assertThat(summaries()).isEqualTo(before);
        assertThat(queryStrings("SELECT applied_at::text FROM pipeline_run")).isEqualTo(runBefore);
    }

    @Test
    void restagingAndReapplyingTheSameDay_leavesSummariesUntouched() throws SQLException {
        Daily alice = new Daily(1, "Alice", "alice@example.com", "10.50", 1, "2024-05-01", "2024-05-01", 101);
        Daily bob = new Daily(2, "Bob", "bob@example.com", "5.00", 1, "2024-05-01", "2024-05-01", 102);
        stage("run-day-1", DAY_1, alice, bob);
        upsert("run-day-1", DAY_1);
        Map<Long, Summary> before = summaries();

        stage("run-day-1", DAY_1, alice, bob); // the gold→RDS job re-ran for the same execution
        JsonNode sameRun = upsert("run-day-1", DAY_1);
        stage("run-day-1-again", DAY_1, alice, bob); // another file of the day whose rows were all rejected
        JsonNode otherRun = upsert("run-day-1-again", DAY_1);

        assertThat(sameRun.get("alreadyApplied").asBoolean()).isFalse();
        assertThat(otherRun.get("customersUpserted").asInt()).isEqualTo(2);
        assertThat(summaries()).isEqualTo(before);
    }

    @Test
    void laterRunOfTheSameDay_replacesTheDay_andDropsCustomersLeftWithoutRows() throws SQLException {
        stage("run-a", DAY_1,
                new Daily(1, "Alice", "alice@example.com", "10.00", 1, "2024-05-01", "2024-05-01", 101),
                new Daily(2, "Bob", "bob@example.com", "5.00", 1, "2024-05-01", "2024-05-01", 102));
        stage("run-other-day", DAY_2,
                new Daily(4, "Frank", "frank@example.com", "8.00", 1, "2024-05-02", "2024-05-02", 401));
        upsert("run-a", DAY_1);
        upsert("run-other-day", DAY_2);
        Summary frankBefore = summaries().get(4L);

        stage("run-b", DAY_1,
                new Daily(1, "Alice B", "alice@example.com", "12.00", 2, "2024-04-30", "2024-05-01", 110),
                new Daily(3, "Carol", "carol@example.com", "7.00", 1, "2024-05-01", "2024-05-01", 301));
        JsonNode response = upsert("run-b", DAY_1);

        assertThat(response.get("customersUpserted").asInt()).isEqualTo(2);
        Map<Long, Summary> summaries = summaries();
        assertThat(summaries).containsOnlyKeys(1L, 3L, 4L);
        assertSummary(summaries.get(1L), "Alice B", "alice@example.com", "12.00", "2024-04-30", "2024-05-01");
        assertSummary(summaries.get(3L), "Carol", "carol@example.com", "7.00", "2024-05-01", "2024-05-01");
        assertThat(summaries.get(4L)).isEqualTo(frankBefore);
        assertThat(queryStrings("SELECT DISTINCT run_id FROM customer_daily_purchase WHERE ingestion_date = '"
                + DAY_1 + "'")).containsExactly("run-b");
    }

    @Test
    void emptyStagedDay_removesTheDay() throws SQLException {
        stage("run-a", DAY_1,
                new Daily(1, "Alice", "alice@example.com", "10.00", 1, "2024-05-01", "2024-05-01", 101));
        upsert("run-a", DAY_1);

        stage("run-b", DAY_1);
        JsonNode response = upsert("run-b", DAY_1);

        assertThat(response.get("customersUpserted").asInt()).isZero();
        assertThat(summaries()).isEmpty();
    }

    @Test
    void olderStagingAppliedAfterANewerOne_isSuperseded_andLeavesTheNewerDay() throws SQLException {
        stage("run-older", DAY_1,
                new Daily(1, "Alice", "alice@example.com", "10.00", 1, "2024-05-01", "2024-05-01", 101));
        stage("run-newer", DAY_1,
                new Daily(1, "Alice", "alice@example.com", "10.00", 1, "2024-05-01", "2024-05-01", 101),
                new Daily(2, "Bob", "bob@example.com", "5.00", 1, "2024-05-01", "2024-05-01", 102));
        upsert("run-newer", DAY_1);
        Map<Long, Summary> newer = summaries();

        JsonNode older = upsert("run-older", DAY_1);

        assertThat(older.get("superseded").asBoolean()).isTrue();
        assertThat(older.get("alreadyApplied").asBoolean()).isTrue();
        assertThat(summaries()).isEqualTo(newer).containsOnlyKeys(1L, 2L);
        assertThat(queryStrings("SELECT count(*) FROM customer_purchase_summary_staging")).containsExactly("0");
    }

    @Test
    void runThatWasNeverStaged_failsWithStagedRunNotFound() {
        assertThatThrownBy(() -> upsert("never-staged", DAY_1)).isInstanceOf(StagedRunNotFoundException.class);
    }

    @Test
    void unreachableDatabase_failsWithTheExceptionStepFunctionsRetries() {
        handler = new UpsertHandler(new DatabaseCredentials("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "postgres", null));

        assertThatThrownBy(() -> upsert("run-a", DAY_1)).isInstanceOf(TransientDatabaseException.class);
    }

    @Test
    void concurrentRunsOfDifferentDays_convergeToTheFullTotals() throws Exception {
        int days = 4;
        int customers = 50;
        for (int day = 1; day <= days; day++) {
            Daily[] rows = new Daily[customers];
            for (int customer = 1; customer <= customers; customer++) {
                String date = "2024-05-0" + day;
                rows[customer - 1] = new Daily(customer, "C" + customer, "c" + customer + "@example.com",
                        day + ".25", 1, date, date, day * 1000L + customer);
            }
            stage("run-" + day, "2024-05-0" + day, rows);
        }

        ExecutorService pool = Executors.newFixedThreadPool(days);
        try {
            List<Future<JsonNode>> results = new ArrayList<>();
            for (int day = 1; day <= days; day++) {
                String runId = "run-" + day;
                String date = "2024-05-0" + day;
                results.add(pool.submit(() -> new UpsertHandlerIT().upsertWith(database.credentials(), runId, date)));
            }
            for (Future<JsonNode> result : results) {
                assertThat(result.get().get("customersUpserted").asInt()).isEqualTo(customers);
            }
        } finally {
            pool.shutdownNow();
        }

        // Each customer bought 1.25 + 2.25 + 3.25 + 4.25 = 11.00 over days 1 to 4.
        Map<Long, Summary> summaries = summaries();
        assertThat(summaries).hasSize(customers);
        assertThat(summaries.values()).allSatisfy(summary -> {
            assertThat(summary.totalSpentAud()).isEqualByComparingTo("11.00");
            assertThat(summary.firstPurchaseDate()).isEqualTo("2024-05-01");
            assertThat(summary.lastPurchaseDate()).isEqualTo("2024-05-04");
        });
    }

    private JsonNode upsertWith(DatabaseCredentials credentials, String runId, String day) {
        handler = new UpsertHandler(credentials);
        return upsert(runId, day);
    }
}
