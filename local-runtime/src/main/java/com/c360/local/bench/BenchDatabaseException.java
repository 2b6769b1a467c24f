package com.c360.local.bench;

/** The benchmark could not prepare its database (emptying the c360 tables of an external server failed). */
public final class BenchDatabaseException extends RuntimeException {
    public BenchDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
