package com.c360.lambda.upsert;

/**
 * Where the upsert reports what it wrote: {@value #CUSTOMERS_UPSERTED} in namespace {@value #NAMESPACE}, no
 * dimensions, unit Count, one data point per completed request.
 */
public interface SummaryMetrics {
    String NAMESPACE = "c360";
    String CUSTOMERS_UPSERTED = "CustomersUpserted";

    /** Publishes nothing: the upsert's log line already carries the count. */
    SummaryMetrics NONE = customers -> {
    };

    void customersUpserted(int customers);
}
