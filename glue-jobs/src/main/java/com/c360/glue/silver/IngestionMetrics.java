package com.c360.glue.silver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one bronze→silver run: its file's row accounting, one data point each. The CDK dashboard charts
 * these names, so they are defined once, here.
 */
public final class IngestionMetrics {
    public static final String ROWS_READ = "RowsRead";
    public static final String ROWS_VALID = "RowsValid";
    public static final String ROWS_QUARANTINED = "RowsQuarantined";
    public static final String DUPLICATES_COLLAPSED = "DuplicatesCollapsed";
    public static final List<String> NAMES = List.of(ROWS_READ, ROWS_VALID, ROWS_QUARANTINED, DUPLICATES_COLLAPSED);

    private IngestionMetrics() {
    }

    /** Metric name to count, in the order of {@link #NAMES}. */
    public static Map<String, Long> of(RowAccounting accounting) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ROWS_READ, accounting.rowsRead());
        counts.put(ROWS_VALID, accounting.rowsValid());
        counts.put(ROWS_QUARANTINED, accounting.rowsQuarantined());
        counts.put(DUPLICATES_COLLAPSED, accounting.duplicatesCollapsed());
        return counts;
    }
}
