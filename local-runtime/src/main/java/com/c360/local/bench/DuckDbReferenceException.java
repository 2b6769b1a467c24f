package com.c360.local.bench;

/** DuckDB failed to compute the reference summary (unreadable CSV, or an SQL error). */
public final class DuckDbReferenceException extends RuntimeException {
    public DuckDbReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
