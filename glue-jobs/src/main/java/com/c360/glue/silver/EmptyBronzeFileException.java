package com.c360.glue.silver;

public final class EmptyBronzeFileException extends BronzeFileRejectedException {
    public EmptyBronzeFileException(String source) {
        super("Bronze file " + source + " is empty: expected a header line");
    }
}
