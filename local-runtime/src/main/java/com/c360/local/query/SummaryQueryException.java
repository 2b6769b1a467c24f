package com.c360.local.query;

/** Reading customer summaries back (from RDS or the lake) failed. */
public final class SummaryQueryException extends RuntimeException {
    public SummaryQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
