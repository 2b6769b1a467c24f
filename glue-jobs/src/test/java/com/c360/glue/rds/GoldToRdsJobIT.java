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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job as Glue runs it (through {@code main}) against a gold partition written by Spark and a real Postgres. */
class GoldToRdsJobIT extends SparkTestBase {
    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
    private static final StructType GOLD_SCHEMA = GoldAggregation.SCHEMA;

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

    private record Gold(long customerId, String fullName, String email, String total, long count, String first,
            String last, long latestPurchaseId) {
        Row toRow() {
            return RowFactory.create(customerId, fullName, email, new BigDecimal(total), count, Date.valueOf(first),
                    Date.valueOf(last), latestPurchaseId, Date.valueOf(DAY));
        }

        /** How the row reads back from staging: {@code customer|name|email|total|count|first|last|latest}. */
        String staged() {
            return String.join("|", String.valueOf(customerId), String.valueOf(fullName), String.valueOf(email),
                    total, String.valueOf(count), first, last, String.valueOf(latestPurchaseId));
        }
    }

    private String goldRoot() {
        return lake.resolve("gold").toUri().toString();
    }

    private void writeGold(List<Gold> rows) {
        spark.createDataFrame(rows.stream().map(Gold::toRow).toList(), GOLD_SCHEMA)
                .repartition(2)
                .write().mode(SaveMode.Overwrite).parquet(LakeLayout.goldDay(goldRoot(), DAY));
    }

    private void runJob(String runId) {
        GoldToRdsJob.main(new String[] {
            "--JOB_ID", "j_123", "--ingestion_date", DAY.toString(), "--run_id", runId,
            "--gold_root", goldRoot(), "--db_url", database.url(), "--db_user", "postgres"});
    }

    private static List<String> staged(String runId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT concat_ws('|', customer_id, coalesce(full_name, 'null'), coalesce(email, 'null'),
                            total_spent_aud, purchase_count, first_purchase_date, last_purchase_date,
                            latest_purchase_id)
                        FROM customer_purchase_summary_staging
                        WHERE run_id = ? AND ingestion_date = ? ORDER BY customer_id""")) {
            statement.setString(1, runId);
            statement.setDate(2, Date.valueOf(DAY));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
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
    void goldPartition_isStagedRowForRow_includingTrickyText() throws SQLException {
        List<Gold> gold = List.of(
                new Gold(1, "Smith, John", "john@example.com", "1234.50", 3, "2024-01-01", "2024-02-29", 77),
                new Gold(2, "O\"Brien", "ob,\"x\"@example.com", "0.01", 1, "2024-02-29", "2024-02-29", 78),
                new Gold(3, "Multi\nLine\r\nName", "\\.", "99999999.99", 2, "2023-12-31", "2024-02-01", 79),
                new Gold(4, "Zoë 山田 🎉", "zoë@例え.jp", "10.00", 1, "2024-02-28", "2024-02-28", 80),
                new Gold(5, null, "", "5.00", 1, "2024-02-28", "2024-02-28", 81));
        writeGold(gold);

        runJob("exec-1");

        assertThat(staged("exec-1")).containsExactlyElementsOf(gold.stream().map(Gold::staged).toList());
        assertThat(pipelineRun("exec-1")).isEqualTo("2024-02-29/5/true");
    }

    @Test
    void rerunOfTheSameRun_stagesTheDayOnce_reflectingTheCurrentGold() throws SQLException {
        writeGold(List.of(
                new Gold(1, "A", "a@x", "1.00", 1, "2024-02-29", "2024-02-29", 1),
                new Gold(2, "B", "b@x", "2.00", 1, "2024-02-29", "2024-02-29", 2)));
        runJob("exec-1");
        List<Gold> regenerated = List.of(
                new Gold(1, "A", "a@x", "1.00", 1, "2024-02-29", "2024-02-29", 1),
                new Gold(2, "B", "b@x", "2.00", 1, "2024-02-29", "2024-02-29", 2),
                new Gold(3, "C", "c@x", "3.00", 1, "2024-02-29", "2024-02-29", 3));
        writeGold(regenerated);

        runJob("exec-1");
        runJob("exec-1");

        assertThat(staged("exec-1")).containsExactlyElementsOf(regenerated.stream().map(Gold::staged).toList());
        assertThat(pipelineRun("exec-1")).isEqualTo("2024-02-29/3/true");
    }

    @Test
    void absentGoldPartition_stagesZeroRows() throws SQLException {
        runJob("exec-empty");

        assertThat(staged("exec-empty")).isEmpty();
        assertThat(pipelineRun("exec-empty")).isEqualTo("2024-02-29/0/true");
    }

    @Test
    void stagingRejectedByPostgres_failsNamingTheDatabaseCause() {
        // Bronze->silver quarantines NUL bytes now; a gold file written before that still fails, but says why.
        writeGold(List.of(new Gold(1, "Nul\u0000Byte", "n@x", "1.00", 1, "2024-02-29", "2024-02-29", 1)));

        assertThatThrownBy(() -> runJob("exec-nul"))
                .isInstanceOf(GoldStagingException.class)
                .hasMessageStartingWith("Staging ")
                .hasMessageContaining("failed: ERROR: invalid byte sequence for encoding \"UTF8\": 0x00");
    }
}
