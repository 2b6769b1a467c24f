package com.c360.contract;

import java.util.Objects;

/** A JDBC URL, user and (optional, e.g. under trust auth) password. */
public record DatabaseLogin(String jdbcUrl, String user, String password) {

    public DatabaseLogin {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
    }

    /** Never prints the password: logins end up in log lines and exception messages. */
    @Override
    public String toString() {
        return "DatabaseLogin[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
