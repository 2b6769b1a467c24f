package com.c360.cdk;

import java.util.List;

/**
 * The custom metrics the dashboard charts. The jobs and handlers emit them (CloudWatch embedded metric format in
 * their logs is enough): namespace {@value #NAMESPACE}, no dimensions, unit Count, one data point per run.
 */
public final class PipelineMetrics {
    public static final String NAMESPACE = "c360";
    /** bronze→silver: data rows in the bronze file. */
    public static final String ROWS_READ = "RowsRead";
    /** bronze→silver: rows written to silver. */
    public static final String ROWS_VALID = "RowsValid";
    /** bronze→silver: rows written to quarantine. */
    public static final String ROWS_QUARANTINED = "RowsQuarantined";
    /** upsert: summary rows inserted or updated. */
    public static final String CUSTOMERS_UPSERTED = "CustomersUpserted";

    public static final List<String> ALL = List.of(ROWS_READ, ROWS_VALID, ROWS_QUARANTINED, CUSTOMERS_UPSERTED);

    private PipelineMetrics() {
    }
}
