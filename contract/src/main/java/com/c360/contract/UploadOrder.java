package com.c360.contract;

import java.time.Instant;
import java.util.Locale;

/**
 * Which upload of a purchase is the most recent: S3's event time, then, for the same key, the event's sequencer.
 * Rendered as one string whose lexicographic order is upload order, so silver can keep it in a column and compare it
 * in SQL. S3's sequencers differ in length; AWS compares them after right-padding the shorter with zeros.
 */
public final class UploadOrder {
    static final int SEQUENCER_WIDTH = 32;
    private static final int EPOCH_MILLIS_DIGITS = 15;

    private UploadOrder() {
    }

    public static String of(Instant eventTime, String sequencer) {
        if (eventTime == null || eventTime.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("an upload order needs an event time at or after 1970, got "
                    + eventTime);
        }
        String hex = sequencer == null ? "" : sequencer.toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]*")) {
            throw new IllegalArgumentException("an S3 sequencer is hexadecimal, got '" + sequencer + "'");
        }
        StringBuilder padded = new StringBuilder(hex);
        while (padded.length() < SEQUENCER_WIDTH) {
            padded.append('0');
        }
        return String.format(Locale.ROOT, "%0" + EPOCH_MILLIS_DIGITS + "d", eventTime.toEpochMilli()) + "-" + padded;
    }
}
