package com.c360.local.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What to generate. {@code purchases} valid purchases are spread over {@code files} files, each covering its own
 * slice of the purchase date range; every file additionally gets {@code badRowsPerFile} planted bad rows per kind.
 */
public record SampleSettings(
        long seed,
        int customers,
        int purchases,
        int files,
        LocalDate firstPurchaseDate,
        LocalDate lastPurchaseDate,
        Map<BadRowKind, Integer> badRowsPerFile,
        long firstPurchaseId) {

    /** Inside the default FX reference table (glue-jobs/reference/fx_rates_aud.csv covers 2024-01 to 2026-12). */
    public static final LocalDate DEFAULT_FIRST_PURCHASE_DATE = LocalDate.of(2025, 1, 1);
    public static final LocalDate DEFAULT_LAST_PURCHASE_DATE = LocalDate.of(2025, 12, 31);
    public static final int DEFAULT_CUSTOMERS = 200;
    public static final int DEFAULT_PURCHASES = 3000;
    public static final int DEFAULT_FILES = 3;
    public static final int DEFAULT_BAD_ROWS_PER_KIND = 2;
    public static final long DEFAULT_FIRST_PURCHASE_ID = 7_000_001L;

    public SampleSettings {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, was " + customers);
        }
        if (files < 1) {
            throw new IllegalArgumentException("files must be at least 1, was " + files);
        }
        if (purchases < files) {
            throw new IllegalArgumentException("purchases (" + purchases + ") must be at least files (" + files + ")");
        }
        if (ChronoUnit.DAYS.between(firstPurchaseDate, lastPurchaseDate) + 1 < files) {
            throw new IllegalArgumentException("the purchase date range must have at least one day per file");
        }
        EnumMap<BadRowKind, Integer> counts = new EnumMap<>(BadRowKind.class);
        for (BadRowKind kind : BadRowKind.values()) {
            int count = badRowsPerFile.getOrDefault(kind, 0);
            if (count < 0) {
                throw new IllegalArgumentException(kind + " count must not be negative, was " + count);
            }
            counts.put(kind, count);
        }
        badRowsPerFile = Collections.unmodifiableMap(counts);
    }

    public static SampleSettings defaults(long seed) {
        return new SampleSettings(seed, DEFAULT_CUSTOMERS, DEFAULT_PURCHASES, DEFAULT_FILES,
                DEFAULT_FIRST_PURCHASE_DATE, DEFAULT_LAST_PURCHASE_DATE, eachKind(DEFAULT_BAD_ROWS_PER_KIND),
                DEFAULT_FIRST_PURCHASE_ID);
    }

    public static Map<BadRowKind, Integer> eachKind(int count) {
        EnumMap<BadRowKind, Integer> counts = new EnumMap<>(BadRowKind.class);
        for (BadRowKind kind : BadRowKind.values()) {
            counts.put(kind, count);
        }
        return counts;
    }

    public SampleSettings withCustomers(int newCustomers) {
        return new SampleSettings(seed, newCustomers, purchases, files, firstPurchaseDate, lastPurchaseDate,
                badRowsPerFile, firstPurchaseId);
    }

    public SampleSettings withPurchases(int newPurchases) {
        return new SampleSettings(seed, customers, newPurchases, files, firstPurchaseDate, lastPurchaseDate,
                badRowsPerFile, firstPurchaseId);
    }

    public SampleSettings withFiles(int newFiles) {
        return new SampleSettings(seed, customers, purchases, newFiles, firstPurchaseDate, lastPurchaseDate,
                badRowsPerFile, firstPurchaseId);
    }

    public SampleSettings withBadRowsPerFile(Map<BadRowKind, Integer> newBadRowsPerFile) {
        return new SampleSettings(seed, customers, purchases, files, firstPurchaseDate, lastPurchaseDate,
                newBadRowsPerFile, firstPurchaseId);
    }

    /** Purchase ids from {@code id} on: a later file of new purchases must not reuse an earlier file's ids. */
    public SampleSettings withFirstPurchaseId(long id) {
        return new SampleSettings(seed, customers, purchases, files, firstPurchaseDate, lastPurchaseDate,
                badRowsPerFile, id);
    }
}
