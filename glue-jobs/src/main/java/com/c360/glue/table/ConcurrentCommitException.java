package com.c360.glue.table;

/** A commit lost the race to other writers more times than the job retries; the state machine may run it again. */
public class ConcurrentCommitException extends RuntimeException {
    public ConcurrentCommitException(String message, Throwable lastConflict) {
        super(message, lastConflict);
    }
}
