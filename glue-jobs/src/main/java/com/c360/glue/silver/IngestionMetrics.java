package com.c360.glue.silver;

import static com.c360.contract.PipelineMetrics.DUPLICATES_COLLAPSED;
import static com.c360.contract.PipelineMetrics.ROWS_QUARANTINED;
import static com.c360.contract.PipelineMetrics.ROWS_READ;
import static com.c360.contract.PipelineMetrics.ROWS_VALID;

import com.c360.contract.PipelineMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics of one bronze→silver run: its file's row accounting, one data point each, under the contract's names. */
public final class IngestionMetrics {
    public static final List<String> NAMES = PipelineMetrics.INGESTION;

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
