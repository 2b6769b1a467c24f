package com.c360.contract;

/** The database secret could not be read or lacks a field the JDBC URL needs. */
public class DatabaseSecretException extends RuntimeException {
    public DatabaseSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
