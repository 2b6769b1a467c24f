package com.c360.local.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatabaseIT {
    private static final List<String> C360_TABLES = List.of("customer_purchase_summary",
            "customer_purchase_summary_staging", "customer_summary_version", "pipeline_run");

    @TempDir
    Path home;

    @Test
    void embedded_reopenedOnSameHome_keepsRowsWrittenBeforeClose() throws SQLException {
        try (LocalDatabase first = LocalDatabase.open(home, Map.of())) {
            assertThat(first.jdbcUrl()).startsWith("jdbc:postgresql://localhost:");
            assertThat(first.user()).isEqualTo("postgres");
            assertThat(first.password()).isEmpty();
            execute(first.dataSource(), """
                    INSERT INTO customer_purchase_summary
                        (customer_id, full_name, email, total_spent_aud, first_purchase_date, last_purchase_date)
                    VALUES (42, 'Ann', 'ann@example.com', 12.50, DATE '2025-01-01', DATE '2025-02-01')""");
        }
        assertThat(home.resolve("postgres").resolve("PG_VERSION")).content().startsWith("15");

        try (LocalDatabase reader = LocalDatabase.openForQueries(home, Map.of())) {
            assertThat(queryStrings(reader.dataSource(), "SELECT full_name FROM customer_purchase_summary"))
                    .containsExactly("Ann");
        }
        try (LocalDatabase second = LocalDatabase.open(home, Map.of())) {
            assertThat(queryStrings(second.dataSource(),
                    "SELECT full_name || ' ' || total_spent_aud FROM customer_purchase_summary WHERE customer_id = 42"))
                    .containsExactly("Ann 12.50");
        }
    }

    @Test
    void openForQueries_onAHomeWithoutADatabase_failsSayingNothingWasIngested_andCreatesNone() {
        assertThatThrownBy(() -> LocalDatabase.openForQueries(home, Map.of()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("nothing has been ingested");

        assertThat(home.resolve("postgres")).doesNotExist();
    }

    @Test
    void environmentUrl_usesThatServer_withDefaultUser_andAppliesTheSchema() throws SQLException {
        try (PostgresTestDatabase server = PostgresTestDatabase.create(LocalDatabaseIT.class);
                LocalDatabase database = LocalDatabase.open(home, Map.of(LocalDatabase.URL_ENV, server.jdbcUrl()))) {
            assertThat(database.jdbcUrl()).isEqualTo(server.jdbcUrl());
            assertThat(database.user()).isEqualTo("postgres");
            assertThat(database.password()).isEmpty();
            assertThat(queryStrings(database.dataSource(), """
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public'"""))
                    .containsAll(C360_TABLES)
                    .as("V2 drops the per-day table").doesNotContain("customer_daily_purchase");
        }
        assertThat(Files.exists(home.resolve("postgres"))).as("no embedded server started").isFalse();
    }

    @Test
    void environmentUrl_openedTwice_migratesOnceAndKeepsData() throws SQLException {
        try (PostgresTestDatabase server = PostgresTestDatabase.create(LocalDatabaseIT.class)) {
            Map<String, String> environment = server.connectionEnvironment(LocalDatabase.URL_ENV,
                    LocalDatabase.USER_ENV, LocalDatabase.PASSWORD_ENV);
            try (LocalDatabase first = LocalDatabase.open(home, environment)) {
                execute(first.dataSource(), """
                        INSERT INTO pipeline_run (run_id, ingestion_date, staged_rows, staged_at)
                        VALUES ('run-1', DATE '2025-03-01', 3, now())""");
            }
            try (LocalDatabase second = LocalDatabase.open(home, environment)) {
                assertThat(queryStrings(second.dataSource(), "SELECT run_id FROM pipeline_run"))
                        .containsExactly("run-1");
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static List<String> queryStrings(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
