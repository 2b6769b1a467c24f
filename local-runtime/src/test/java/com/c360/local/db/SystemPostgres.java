package com.c360.local.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A throwaway database on the machine's PostgreSQL (127.0.0.1:5432, trust auth), dropped again on close. */
public final class SystemPostgres implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;

    private SystemPostgres(String name) {
        this.name = name;
    }

    public static SystemPostgres createDatabase() throws SQLException {
        // Random suffix of [0-9a-f] only, so the identifier needs no quoting.
        String name = "c360_it_" + UUID.randomUUID().toString().replace("-", "");
        administer("CREATE DATABASE " + name);
        return new SystemPostgres(name);
    }

    public String jdbcUrl() {
        return SERVER + name;
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() throws SQLException {
        administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void administer(String ddl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }
}
