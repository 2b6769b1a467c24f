package com.c360.glue.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.LakeLayout;
import com.c360.glue.SparkTestBase;
import com.c360.glue.gold.GoldAggregation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job as Glue runs it (through {@code main}) against a run's gold changes written by Spark and a real Postgres. */
class GoldToRdsJobIT extends SparkTestBase {
    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
    private static final String[] COLUMNS = {"customer_id", "full_name", "email", "total_spent_aud", "purchase_count",
        "first_purchase_date", "last_purchase_date", "latest_purchase_id", "silver_version"};

    private static StagingDatabase database;

    @TempDir
    Path lake;

    @BeforeAll
    static void createDatabase() throws SQLException, IOException {
        database = StagingDatabase.create(GoldToRdsJobIT.class);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        database.truncate();
    }

    /** One row of a changes file; {@code count} 0 is a customer left without purchases, every value null. */
    private record Change(long customerId, String fullName, String email, String total, long count, String first,
            String last, Long latestPurchaseId, long silverVersion) {
        static Change emptied(long customerId, long silverVersion) {
            return new Change(customerId, null, null, null, 0, null, null, null, silverVersion);
        }

        Row toRow() {
            return RowFactory.create(customerId, fullName, email, total == null ? null : new BigDecimal(total), count,
                    first == null ? null : Date.valueOf(first), last == null ? null : Date.valueOf(last),
                    latestPurchaseId, silverVersion);
        }

        /** How the row reads back from staging, column by column, SQL NULL as {@code null}. */
        String staged() {
            return String.join("|", String.valueOf(customerId), String.valueOf(fullName), String.valueOf(email),
                    String.valueOf(total), String.valueOf(count), String.valueOf(first), String.valueOf(last),
                    String.valueOf(latestPurchaseId), String.valueOf(silverVersion));
        }
    }

    private String goldRoot() {
        return lake.resolve("gold").toUri().toString();
    }

    /** As silver->gold writes them: the whole folder of the run, replaced on a retry. */
    private void writeChanges(String runId, List<Change> changes) {
        spark.createDataFrame(changes.stream().map(Change::toRow).toList(), GoldAggregation.SCHEMA)
                .repartition(2)
                .write().mode(SaveMode.Overwrite).parquet(LakeLayout.goldChanges(goldRoot(), runId));
    }

    private void runJob(String runId) {
        DatabaseEndpoint endpoint = database.endpoint();
        List<String> args = new ArrayList<>(List.of(
                "--JOB_ID", "j_123", "--ingestion_date", DAY.toString(), "--run_id", runId,
                "--gold_root", goldRoot(), "--db_url", endpoint.jdbcUrl(), "--db_user", endpoint.user()));
        if (endpoint.password() != null) {
            args.addAll(List.of("--db_password", endpoint.password()));
        }
        GoldToRdsJob.main(args.toArray(String[]::new));
    }

    private static List<String> staged(String runId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT " + String.join(", ", COLUMNS)
                        + " FROM customer_purchase_summary_staging WHERE run_id = ? AND ingestion_date = ?"
                        + " ORDER BY customer_id")) {
            statement.setString(1, runId);
            statement.setDate(2, Date.valueOf(DAY));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(IntStream.rangeClosed(1, COLUMNS.length).mapToObj(column -> {
                        try {
                            return String.valueOf(row.getString(column));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).collect(Collectors.joining("|")));
                }
            }
        }
        return rows;
    }

    private static String pipelineRun(String runId) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT ingestion_date || '/' || staged_rows || '/' || (applied_at IS NULL) "
                                + "FROM pipeline_run WHERE run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void runsChanges_areStagedRowForRow_withSilverVersions_trickyText_andTheEmptiedCustomer() throws SQLException {
        List<Change> changes = List.of(
                new Change(1, "Smith, John", "john@example.com", "1234.50", 3, "2024-01-01", "2024-02-29", 77L, 5),
                new Change(2, "O\"Brien", "ob,\"x\"@example.com", "0.01", 1, "2024-02-29", "2024-02-29", 78L, 5),
                new Change(3, "Multi\nLine\r\nName", "\\.", "99999999.99", 2, "2023-12-31", "2024-02-01", 79L, 5),
                new Change(4, "Zoë 山田 🎉", "zoë@例え.jp", "10.00", 1, "2024-02-28", "2024-02-28", 80L, 5),
                new Change(5, null, "", "5.00", 1, "2024-02-28", "2024-02-28", 81L, 5),
                Change.emptied(6, 5));
        writeChanges("exec-1", changes);

        runJob("exec-1");

        assertThat(staged("exec-1")).containsExactlyElementsOf(changes.stream().map(Change::staged).toList());
        assertThat(staged("exec-1")).last().isEqualTo("6|null|null|null|0|null|null|null|5");
        assertThat(pipelineRun("exec-1")).isEqualTo("2024-02-29/6/true");
    }

    @Test
    void rerunOfTheSameRun_stagesItsChangesOnce_asSilverToGoldLastWroteThem() throws SQLException {
        writeChanges("exec-1", List.of(
                new Change(1, "A", "a@x", "1.00", 1, "2024-02-29", "2024-02-29", 1L, 3),
                new Change(2, "B", "b@x", "2.00", 1, "2024-02-29", "2024-02-29", 2L, 3)));
        runJob("exec-1");
        List<Change> rewritten = List.of(
                new Change(1, "A", "a@x", "1.00", 1, "2024-02-29", "2024-02-29", 1L, 4),
                Change.emptied(2, 4),
                new Change(3, "C", "c@x", "3.00", 1, "2024-02-29", "2024-02-29", 3L, 4));
        writeChanges("exec-1", rewritten);

        runJob("exec-1");
        runJob("exec-1");

        assertThat(staged("exec-1")).containsExactlyElementsOf(rewritten.stream().map(Change::staged).toList());
        assertThat(pipelineRun("exec-1")).isEqualTo("2024-02-29/3/true");
    }

    @Test
    void anotherRunsChanges_areNotStagedForThisRun() throws SQLException {
        Change mine = new Change(1, "A", "a@x", "1.00", 1, "2024-02-29", "2024-02-29", 1L, 3);
        writeChanges("exec-1", List.of(mine));
        writeChanges("exec-2", List.of(new Change(2, "B", "b@x", "2.00", 1, "2024-02-29", "2024-02-29", 2L, 4)));

        runJob("exec-1");

        assertThat(staged("exec-1")).containsExactly(mine.staged());
        assertThat(staged("exec-2")).isEmpty();
        assertThat(pipelineRun("exec-2")).isNull();
    }

    @Test
    void emptyChanges_ofAnUploadThatChangedNothing_stageZeroRows() throws SQLException {
        writeChanges("exec-stale", List.of());

        runJob("exec-stale");

        assertThat(staged("exec-stale")).isEmpty();
        assertThat(pipelineRun("exec-stale")).isEqualTo("2024-02-29/0/true");
    }

    @Test
    void missingChangesFolder_failsTyped_namingTheRun_andStagesNothing() throws SQLException {
        writeChanges("exec-other", List.of(Change.emptied(1, 2)));

        assertThatThrownBy(() -> runJob("exec-missing"))
                .isInstanceOf(GoldStagingException.class)
                .hasMessageStartingWith("Staging run exec-missing failed")
                .hasMessageContaining(LakeLayout.goldChanges(goldRoot(), "exec-missing"))
                .hasMessageContaining("run silver->gold for this run first");
        assertThat(pipelineRun("exec-missing")).isNull();
    }

    @Test
    void stagingRejectedByPostgres_failsNamingTheDatabaseCause() throws SQLException {
        // Bronze->silver quarantines NUL bytes now; a gold file written before that still fails, but says why.
        writeChanges("exec-nul",
                List.of(new Change(1, "Nul\u0000Byte", "n@x", "1.00", 1, "2024-02-29", "2024-02-29", 1L, 2)));

        assertThatThrownBy(() -> runJob("exec-nul"))
                .isInstanceOf(GoldStagingException.class)
                .hasMessageStartingWith("Staging ")
                .hasMessageContaining("run exec-nul failed: ERROR: invalid byte sequence for encoding \"UTF8\": 0x00");
        assertThat(pipelineRun("exec-nul")).isNull();
    }
}
