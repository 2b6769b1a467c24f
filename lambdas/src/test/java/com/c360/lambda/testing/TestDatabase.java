package com.c360.lambda.testing;

import com.c360.lambda.db.DatabaseCredentials;
import com.c360.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** A throwaway database on the test Postgres, handed to the handlers as the credentials they take. */
public final class TestDatabase implements AutoCloseable {
    private final PostgresTestDatabase database;

    private TestDatabase(PostgresTestDatabase database) {
        this.database = database;
    }

    public static TestDatabase create(Class<?> owner) {
        return new TestDatabase(PostgresTestDatabase.create(owner));
    }

    public DatabaseCredentials credentials() {
        return new DatabaseCredentials(database.jdbcUrl(), database.user(),
                database.password().orElse(null));
    }

    public Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    public void close() {
        database.close();
    }
}
