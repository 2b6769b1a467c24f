package com.c360.lambda.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the handlers get their Postgres credentials: Secrets Manager on AWS, a plain URL locally and in tests. */
public interface ConnectionProvider {

    DatabaseCredentials credentials();

    default Connection open() throws SQLException {
        DatabaseCredentials credentials = credentials();
        return DriverManager.getConnection(credentials.jdbcUrl(), credentials.user(), credentials.password());
    }
}
