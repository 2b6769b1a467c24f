package com.c360.lambda.db;

/**
 * A failure worth retrying as it is: lost connection, serialization failure, deadlock, server shutting down or out
 * of resources. Step Functions retries the upsert on this class name.
 */
public class TransientDatabaseException extends RuntimeException {
    public TransientDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
