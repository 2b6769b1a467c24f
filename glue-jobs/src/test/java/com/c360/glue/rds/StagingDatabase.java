package com.c360.glue.rds;

import com.c360.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A throwaway database on the test Postgres with the project's schema from {@code sql/}. */
final class StagingDatabase implements AutoCloseable {
    private static final Path SCHEMA = Path.of("..", "sql", "V1__customer_purchase_tables.sql");

    private final PostgresTestDatabase database;

    private StagingDatabase(PostgresTestDatabase database) {
        this.database = database;
    }

    static StagingDatabase create(Class<?> owner) throws SQLException, IOException {
        PostgresTestDatabase database = PostgresTestDatabase.create(owner);
        database.execute(Files.readString(SCHEMA, StandardCharsets.UTF_8));
        return new StagingDatabase(database);
    }

    String url() {
        return database.jdbcUrl();
    }

    DatabaseEndpoint endpoint() {
        return new DatabaseEndpoint(url(), database.user(), database.password().orElse(null));
    }

    Connection connect() throws SQLException {
        return database.connect();
    }

    void truncate() throws SQLException {
        database.execute("TRUNCATE customer_purchase_summary_staging, pipeline_run");
    }

    @Override
    public void close() {
        database.close();
    }
}
