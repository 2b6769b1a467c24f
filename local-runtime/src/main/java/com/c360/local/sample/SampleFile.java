package com.c360.local.sample;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One generated CSV and what was planted in it, so a test can predict the pipeline's row accounting. */
public record SampleFile(Path path, int validPurchases, Map<BadRowKind, Integer> badRows) {
    public SampleFile {
        badRows = Collections.unmodifiableMap(new EnumMap<>(badRows));
    }

    /** Data lines in the file, header excluded. */
    public int dataRows() {
        return validPurchases + badRows.values().stream().mapToInt(Integer::intValue).sum();
    }
}
