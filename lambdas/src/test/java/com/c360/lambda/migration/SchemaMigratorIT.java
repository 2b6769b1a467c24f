package com.c360.lambda.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.c360.lambda.testing.LambdaEvents;
import com.c360.lambda.testing.TestContext;
import com.c360.lambda.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigratorIT {
    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(SchemaMigratorIT.class);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    @Test
    void emptyDatabase_getsTheV3Tables_andASecondRunDoesNothing() throws SQLException {
        SchemaMigrator.MigrationOutcome first = SchemaMigrator.migrate(database.credentials());
        SchemaMigrator.MigrationOutcome second = SchemaMigrator.migrate(database.credentials());

        assertThat(first).isEqualTo(new SchemaMigrator.MigrationOutcome(3, "3"));
        assertThat(second.migrationsExecuted()).isZero();
        assertThat(tables()).containsExactly("customer_purchase_summary", "customer_purchase_summary_staging",
                "customer_summary_version", "flyway_schema_history", "pipeline_run");
    }

    @Test
    void databaseAtV1WithStagedRows_migratesToV3_droppingTheStagingV2CannotApply() throws SQLException {
        Flyway.configure().locations(SchemaMigrator.MIGRATIONS_LOCATION).target("1")
                .dataSource(database.credentials().jdbcUrl(), database.credentials().user(),
                        database.credentials().password())
                .load().migrate();
        try (Connection connection = database.connect()) {
            connection.createStatement().executeUpdate("""
                    INSERT INTO customer_purchase_summary_staging VALUES
                        ('run-1', '2024-05-01', 1, 'Alice', 'alice@example.com', 10.00, 1,
                         '2024-05-01', '2024-05-01', 101)""");
            connection.createStatement().executeUpdate("""
                    INSERT INTO pipeline_run (run_id, ingestion_date, staged_rows, staged_at)
                    VALUES ('run-1', '2024-05-01', 1, now())""");
        }

        SchemaMigrator.MigrationOutcome outcome = SchemaMigrator.migrate(database.credentials());

        assertThat(outcome).isEqualTo(new SchemaMigrator.MigrationOutcome(2, "3"));
        assertThat(count("customer_purchase_summary_staging")).isZero();
        assertThat(count("pipeline_run")).isEqualTo(1);
        assertThat(tables()).doesNotContain("customer_daily_purchase").contains("customer_summary_version");
    }

    @Test
    void databaseAtV2WithStagedRows_migratesToV3_keepingThemInAnUnloggedTableWithoutKey() throws SQLException {
        Flyway.configure().locations(SchemaMigrator.MIGRATIONS_LOCATION).target("2")
                .dataSource(database.credentials().jdbcUrl(), database.credentials().user(),
                        database.credentials().password())
                .load().migrate();
        try (Connection connection = database.connect()) {
            connection.createStatement().executeUpdate("""
                    INSERT INTO customer_purchase_summary_staging (run_id, ingestion_date, customer_id, full_name,
                        email, total_spent_aud, purchase_count, first_purchase_date, last_purchase_date,
                        latest_purchase_id, silver_version) VALUES
                        ('run-1', '2024-05-01', 1, 'Alice', 'alice@example.com', 10.00, 1,
                         '2024-05-01', '2024-05-01', 101, 7)""");
        }

        SchemaMigrator.MigrationOutcome outcome = SchemaMigrator.migrate(database.credentials());

        assertThat(outcome).isEqualTo(new SchemaMigrator.MigrationOutcome(1, "3"));
        assertThat(count("customer_purchase_summary_staging")).isEqualTo(1);
        try (Connection connection = database.connect();
                ResultSet table = connection.createStatement().executeQuery("""
                        SELECT c.relpersistence, (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid)
                        FROM pg_class c WHERE c.relname = 'customer_purchase_summary_staging'""")) {
            table.next();
            assertThat(table.getString(1)).as("u: unlogged").isEqualTo("u");
            assertThat(table.getLong(2)).as("indexes").isZero();
        }
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.connect();
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void customResourceCreateThenUpdate_migratesOnce_andReportsTheVersion() throws SQLException {
        MigrationHandler handler = new MigrationHandler(database.credentials());

        Map<String, Object> created = handler.handleRequest(
                LambdaEvents.load("events/cfn-create.json", CloudFormationCustomResourceEvent.class),
                new TestContext("migrations"));
        Map<String, Object> updated = handler.handleRequest(
                LambdaEvents.load("events/cfn-update.json", CloudFormationCustomResourceEvent.class),
                new TestContext("migrations"));

        assertThat(created).containsEntry("PhysicalResourceId", "c360-schema-migrations")
                .containsEntry("Data", Map.of("SchemaVersion", "3", "MigrationsExecuted", "3"));
        assertThat(updated).containsEntry("PhysicalResourceId", "c360-schema-migrations")
                .containsEntry("Data", Map.of("SchemaVersion", "3", "MigrationsExecuted", "0"));
        assertThat(tables()).contains("customer_purchase_summary");
    }
}
