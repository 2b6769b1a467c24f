package com.c360.local.bench;

/** A benchmark's child JVM could not start, failed, or did not finish in time; carries what it printed. */
public final class ChildJvmException extends RuntimeException {
    public ChildJvmException(String message, String output) {
        super(output.isBlank() ? message : message + "; it printed:\n" + output);
    }
}
