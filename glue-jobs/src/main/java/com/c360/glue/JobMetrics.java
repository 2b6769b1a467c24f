package com.c360.glue;

import java.util.Map;

/**
 * Where a job publishes its counts: one data point per metric, unit Count, no dimensions. CloudWatch when the job
 * has {@value #NAMESPACE_ARGUMENT} (CDK sets it on the deployed job), nowhere otherwise (local runtime, tests), where
 * the job's log line already carries the numbers.
 */
public interface JobMetrics extends AutoCloseable {
    String NAMESPACE_ARGUMENT = "metrics_namespace";

    JobMetrics NONE = counts -> {
    };

    void publishCounts(Map<String, Long> counts);

    @Override
    default void close() {
    }

    static JobMetrics fromArguments(JobArguments args) {
        return args.optional(NAMESPACE_ARGUMENT).<JobMetrics>map(CloudWatchJobMetrics::create).orElse(NONE);
    }
}
