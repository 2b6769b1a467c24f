package com.c360.local.aws;

/** A stand-in Glue job main class that fails the way a job meeting an empty bronze file does. */
public final class FailingGlueJob {
    static final String MESSAGE = "bronze object incoming/empty.csv has no header";

    private FailingGlueJob() {
    }

    public static void main(String[] args) {
        throw new EmptyInputException(MESSAGE);
    }

    public static final class EmptyInputException extends RuntimeException {
        EmptyInputException(String message) {
            super(message);
        }
    }
}
