package com.c360.contract;

import java.util.List;

/**
 * The custom metrics the dashboard charts: namespace {@value #NAMESPACE}, no dimensions, unit Count, one data point
 * per run. bronze→silver publishes its row accounting with PutMetricData; the upsert function logs its metric as
 * embedded metric format.
 */
public final class PipelineMetrics {
    public static final String NAMESPACE = "c360";
    /** bronze→silver: data rows in the bronze file. */
    public static final String ROWS_READ = "RowsRead";
    /** bronze→silver: rows written to silver. */
    public static final String ROWS_VALID = "RowsValid";
    /** bronze→silver: rows written to quarantine. */
    public static final String ROWS_QUARANTINED = "RowsQuarantined";
    /** bronze→silver: exact duplicates collapsed into their first occurrence. */
    public static final String DUPLICATES_COLLAPSED = "DuplicatesCollapsed";
    /** upsert: customers whose summary the run recomputed (zero for a replay or a superseded run). */
    public static final String CUSTOMERS_UPSERTED = "CustomersUpserted";

    /** What one bronze→silver run publishes, in this order. */
    public static final List<String> INGESTION = List.of(ROWS_READ, ROWS_VALID, ROWS_QUARANTINED,
            DUPLICATES_COLLAPSED);
    public static final List<String> ALL = List.of(ROWS_READ, ROWS_VALID, ROWS_QUARANTINED, DUPLICATES_COLLAPSED,
            CUSTOMERS_UPSERTED);

    private PipelineMetrics() {
    }
}
