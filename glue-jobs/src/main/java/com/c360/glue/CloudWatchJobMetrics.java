package com.c360.glue;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** {@link JobMetrics} through CloudWatch {@code PutMetricData}: Glue does not extract EMF from job logs. */
final class CloudWatchJobMetrics implements JobMetrics {
    private final CloudWatchClient cloudWatch;
    private final String namespace;

    CloudWatchJobMetrics(CloudWatchClient cloudWatch, String namespace) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    static CloudWatchJobMetrics create(String namespace) {
        return new CloudWatchJobMetrics(CloudWatchClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), namespace);
    }

    @Override
    public void publishCounts(Map<String, Long> counts) {
        cloudWatch.putMetricData(request(namespace, counts, Instant.now()));
    }

    /** One request for all counts (PutMetricData takes up to 1,000 data points), all with the same timestamp. */
    static PutMetricDataRequest request(String namespace, Map<String, Long> counts, Instant timestamp) {
        return PutMetricDataRequest.builder()
                .namespace(namespace)
                .metricData(counts.entrySet().stream()
                        .map(count -> MetricDatum.builder()
                                .metricName(count.getKey())
                                .value(count.getValue().doubleValue())
                                .unit(StandardUnit.COUNT)
                                .timestamp(timestamp)
                                .build())
                        .toList())
                .build();
    }

    @Override
    public void close() {
        cloudWatch.close();
    }
}
