package com.c360.glue.silver;

public final class DuplicateColumnException extends BronzeFileRejectedException {
    public DuplicateColumnException(String source, String column) {
        super("Bronze file " + source + " names column '" + column + "' more than once in its header");
    }
}
