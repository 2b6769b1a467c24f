package com.c360.glue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

class JobMetricsTest {

    @Test
    void withoutNamespaceArgument_publishesNowhere() {
        assertThat(JobMetrics.forNamespace(Optional.empty())).isSameAs(JobMetrics.NONE);
    }

    @Test
    void withNamespaceArgument_publishesToCloudWatch() {
        String previousRegion = System.getProperty("aws.region");
        // Glue sets the region; building a client needs one, sending nothing needs no credentials.
        System.setProperty("aws.region", "ap-southeast-2");
        try (JobMetrics metrics = JobMetrics.forNamespace(Optional.of("c360"))) {
            assertThat(metrics).isInstanceOf(CloudWatchJobMetrics.class);
        } finally {
            if (previousRegion == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", previousRegion);
            }
        }
    }

    @Test
    void putMetricDataRequest_hasOneCountPerMetric_inTheNamespace_withoutDimensions() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("RowsRead", 9L);
        counts.put("RowsValid", 4L);
        Instant at = Instant.parse("2026-02-10T01:02:03Z");

        PutMetricDataRequest request = CloudWatchJobMetrics.request("c360", counts, at);

        assertThat(request.namespace()).isEqualTo("c360");
        assertThat(request.metricData()).extracting(MetricDatum::metricName, MetricDatum::value, MetricDatum::unit,
                        MetricDatum::timestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RowsRead", 9.0, StandardUnit.COUNT, at),
                        org.assertj.core.groups.Tuple.tuple("RowsValid", 4.0, StandardUnit.COUNT, at));
        assertThat(request.metricData()).allSatisfy(datum -> assertThat(datum.dimensions()).isEmpty());
    }
}
