package com.c360.lambda.db;

/** A database failure that a retry of the same request would repeat (constraint violation, bad SQL, auth). */
public class PermanentDatabaseException extends RuntimeException {
    public PermanentDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
