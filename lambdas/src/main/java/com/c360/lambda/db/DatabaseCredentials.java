package com.c360.lambda.db;

import java.util.Objects;

/**
 * A JDBC URL, user and (optional, e.g. under trust auth) password. It is its own {@link ConnectionProvider}, which is
 * how the local runtime and the tests hand a database to the handlers.
 */
public record DatabaseCredentials(String jdbcUrl, String user, String password) implements ConnectionProvider {

    public DatabaseCredentials {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
    }

    @Override
    public DatabaseCredentials credentials() {
        return this;
    }

    /** Never prints the password: credentials end up in log lines and exception messages. */
    @Override
    public String toString() {
        return "DatabaseCredentials[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
