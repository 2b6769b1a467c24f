package com.c360.glue.rds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on the local Postgres (127.0.0.1:5432, trust auth) with the project's schema from
 * {@code sql/}, dropped on close.
 */
final class StagingDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";
    private static final Path SCHEMA = Path.of("..", "sql", "V1__customer_purchase_tables.sql");

    private final String name;

    private StagingDatabase(String name) {
        this.name = name;
    }

    static StagingDatabase create(Class<?> owner) throws SQLException, IOException {
        String name = ("c360_" + owner.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        adminExecute("CREATE DATABASE " + name);
        StagingDatabase database = new StagingDatabase(name);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(SCHEMA, StandardCharsets.UTF_8));
        }
        return database;
    }

    String url() {
        return SERVER + name;
    }

    DatabaseEndpoint endpoint() {
        return new DatabaseEndpoint(url(), USER, null);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, null);
    }

    void truncate() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE customer_purchase_summary_staging, pipeline_run");
        }
    }

    @Override
    public void close() throws SQLException {
        adminExecute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void adminExecute(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
