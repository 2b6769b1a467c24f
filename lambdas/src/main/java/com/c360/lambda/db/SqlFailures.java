package com.c360.lambda.db;

import java.sql.SQLException;
import java.util.Set;

/** Sorts a {@link SQLException} into transient or permanent by its SQLState, so callers can route on the type. */
public final class SqlFailures {
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "08", // connection exception
            "53"); // insufficient resources
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01"); // deadlock_detected
    private static final String OPERATOR_INTERVENTION_PREFIX = "57P0"; // admin/crash shutdown, cannot connect now

    private SqlFailures() {
    }

    public static RuntimeException translate(String action, SQLException failure) {
        String message = action + " failed (SQLState " + failure.getSQLState() + "): " + failure.getMessage();
        return isTransient(failure)
                ? new TransientDatabaseException(message, failure)
                : new PermanentDatabaseException(message, failure);
    }

    public static boolean isTransient(SQLException failure) {
        for (SQLException current = failure; current != null; current = current.getNextException()) {
            if (isTransientState(current.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransientState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        return TRANSIENT_CLASSES.contains(sqlState.substring(0, 2))
                || TRANSIENT_STATES.contains(sqlState)
                || sqlState.startsWith(OPERATOR_INTERVENTION_PREFIX);
    }
}
