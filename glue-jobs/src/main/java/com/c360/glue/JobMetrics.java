package com.c360.glue;

import java.util.Map;
import java.util.Optional;

/**
 * Where a job publishes its counts: one data point per metric, unit Count, no dimensions. CloudWatch when the job
 * has a metrics namespace (CDK sets it on the deployed job), nowhere otherwise (local runtime, tests), where the job's
 * log line already carries the numbers.
 */
public interface JobMetrics extends AutoCloseable {
    JobMetrics NONE = counts -> {
    };

    void publishCounts(Map<String, Long> counts);

    @Override
    default void close() {
    }

    static JobMetrics forNamespace(Optional<String> namespace) {
        return namespace.<JobMetrics>map(CloudWatchJobMetrics::create).orElse(NONE);
    }
}
