package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.c360.glue.InMemoryJobMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BronzeToSilverMetricsTest {
    /**
     * Hand-worked from fixtures/bronze/metrics_mix.csv (BronzeToSilverJobIT checks the job arrives at it): 9 data rows;
     * 3001 valid once and collapsed twice, 3004, 3005 and 3007 valid; 3002, 3003 and 3006 quarantined.
     */
    private static final RowAccounting METRICS_MIX = new RowAccounting(9, 4, 3, 2, Map.of(
            "non_numeric_amount", 1L, "unknown_currency", 1L, "missing_customer_id", 1L));

    @Test
    void accounting_isPublishedAsOneCountPerDashboardMetric() {
        InMemoryJobMetrics metrics = InMemoryJobMetrics.recording();

        BronzeToSilverJob.publish(metrics, METRICS_MIX, "metrics_mix.csv");

        assertThat(metrics.published()).containsExactly(Map.of(
                "RowsRead", 9L, "RowsValid", 4L, "RowsQuarantined", 3L, "DuplicatesCollapsed", 2L));
    }

    @Test
    void metricNames_areTheOnesTheDashboardCharts_inAccountingOrder() {
        assertThat(IngestionMetrics.of(METRICS_MIX).keySet())
                .containsExactly("RowsRead", "RowsValid", "RowsQuarantined", "DuplicatesCollapsed")
                .containsExactlyElementsOf(IngestionMetrics.NAMES);
    }

    @Test
    void unpublishableMetrics_areOnlyLogged_notThrown() {
        assertThatCode(() -> BronzeToSilverJob.publish(InMemoryJobMetrics.failing(), METRICS_MIX, "metrics_mix.csv"))
                .doesNotThrowAnyException();
    }
}
