package com.c360.cdk;

import com.c360.glue.silver.IngestionMetrics;
import java.util.List;

/**
 * The custom metrics the dashboard charts: namespace {@value #NAMESPACE}, no dimensions, unit Count, one data point
 * per run. bronze→silver publishes its names (defined in the Glue jar) with PutMetricData; the upsert function logs
 * its metric as embedded metric format.
 */
public final class PipelineMetrics {
    public static final String NAMESPACE = "c360";
    /** bronze→silver: data rows in the bronze file. */
    public static final String ROWS_READ = IngestionMetrics.ROWS_READ;
    /** bronze→silver: rows written to silver. */
    public static final String ROWS_VALID = IngestionMetrics.ROWS_VALID;
    /** bronze→silver: rows written to quarantine. */
    public static final String ROWS_QUARANTINED = IngestionMetrics.ROWS_QUARANTINED;
    /** bronze→silver: exact duplicates collapsed into their first occurrence. */
    public static final String DUPLICATES_COLLAPSED = IngestionMetrics.DUPLICATES_COLLAPSED;
    /** upsert: customers whose summary the run recomputed (zero for a replay or a superseded run). */
    public static final String CUSTOMERS_UPSERTED = "CustomersUpserted";

    public static final List<String> ALL = List.of(ROWS_READ, ROWS_VALID, ROWS_QUARANTINED, DUPLICATES_COLLAPSED,
            CUSTOMERS_UPSERTED);

    private PipelineMetrics() {
    }
}
