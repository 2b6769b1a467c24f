package com.c360.glue.silver;

/** The FX reference table itself is unusable; no purchase is converted with a doubtful rate. */
public final class InvalidFxReferenceException extends RuntimeException {
    public InvalidFxReferenceException(String message) {
        super(message);
    }

    public InvalidFxReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
