package com.c360.glue.silver;

public final class UndecodableBronzeFileException extends BronzeFileRejectedException {
    /** No line number: the decoder reads ahead in blocks, so the failing read says little about where the bytes are. */
    public UndecodableBronzeFileException(String source, Throwable cause) {
        super("Bronze file " + source + " contains bytes that are not valid UTF-8: " + cause, cause);
    }
}
