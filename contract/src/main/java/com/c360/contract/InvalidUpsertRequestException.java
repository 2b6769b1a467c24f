package com.c360.contract;

/** The payload is not {@code {"runId": "...", "ingestionDate": "YYYY-MM-DD"}}. */
public class InvalidUpsertRequestException extends RuntimeException {
    public InvalidUpsertRequestException(String message) {
        super(message);
    }

    public InvalidUpsertRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
