package com.c360.lambda.upsert;

/**
 * Where the upsert reports what it wrote: {@link com.c360.contract.PipelineMetrics#CUSTOMERS_UPSERTED} in the
 * pipeline's namespace, no dimensions, unit Count, one data point per completed request.
 */
public interface SummaryMetrics {
    /** Publishes nothing: the upsert's log line already carries the count. */
    SummaryMetrics NONE = customers -> {
    };

    void customersUpserted(int customers);
}
