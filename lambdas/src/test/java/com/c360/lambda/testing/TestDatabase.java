package com.c360.lambda.testing;

import com.c360.lambda.db.DatabaseCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A freshly created database on the local Postgres (127.0.0.1:5432, trust auth), dropped on close. */
public final class TestDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_USER = "postgres";

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(Class<?> owner) {
        String name = ("c360_" + owner.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        adminExecute("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public DatabaseCredentials credentials() {
        return new DatabaseCredentials(SERVER + name, ADMIN_USER, null);
    }

    public Connection connect() throws SQLException {
        return credentials().open();
    }

    @Override
    public void close() {
        adminExecute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void adminExecute(String sql) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", ADMIN_USER, null);
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Postgres on 127.0.0.1:5432 refused: " + sql, e);
        }
    }
}
