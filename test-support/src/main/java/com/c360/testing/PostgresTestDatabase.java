package com.c360.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, trust auth, user postgres; .ci/run makes sure it
 * runs), dropped again on close, so test classes never see each other's rows.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    /** Named after {@code owner} plus a random [0-9a-f] suffix, so the identifier needs no quoting. */
    public static PostgresTestDatabase create(Class<?> owner) {
        String name = ("c360_" + owner.getSimpleName() + "_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12)).toLowerCase(Locale.ROOT);
        administer("CREATE DATABASE " + name);
        return new PostgresTestDatabase(name);
    }

    public String jdbcUrl() {
        return SERVER + name;
    }

    public String user() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, null);
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void administer(String ddl) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement statement = admin.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 refused: " + ddl
                    + " (is it running? tests/run.sh starts it)", e);
        }
    }
}
