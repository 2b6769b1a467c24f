package com.c360.glue.silver;

/** The CSV structure itself breaks (e.g. a quote never closed), so no later row boundary can be trusted. */
public final class MalformedCsvException extends BronzeFileRejectedException {
    public MalformedCsvException(String source, long line, Throwable cause) {
        super("Bronze file " + source + " is not valid RFC 4180 CSV near line " + line + ": " + cause.getMessage(), cause);
    }
}
