package com.c360.lambda.upsert;

import com.c360.contract.PipelineMetrics;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@link SummaryMetrics} as CloudWatch embedded metric format: Powertools writes one JSON line to the function's log,
 * and CloudWatch Logs extracts the metric from it. Only for Lambda: elsewhere the EMF library looks for an EC2 or ECS
 * host and then a CloudWatch agent instead of writing to stdout.
 */
public final class EmfSummaryMetrics implements SummaryMetrics {
    private final Metrics metrics;

    private EmfSummaryMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    public static EmfSummaryMetrics create() {
        return new EmfSummaryMetrics(MetricsBuilder.builder()
                .withNamespace(PipelineMetrics.NAMESPACE)
                .withRaiseOnEmptyMetrics(false)
                .build());
    }

    @Override
    public void customersUpserted(int customers) {
        // A context of its own, without default dimensions: the dashboard charts the metric undimensioned, and
        // Powertools adds a Service dimension to its shared context whenever POWERTOOLS_SERVICE_NAME is set.
        metrics.flushMetrics(single -> {
            single.clearDefaultDimensions();
            single.addMetric(PipelineMetrics.CUSTOMERS_UPSERTED, customers, MetricUnit.COUNT);
        });
    }
}
