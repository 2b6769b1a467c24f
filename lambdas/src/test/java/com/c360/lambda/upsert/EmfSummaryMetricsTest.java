package com.c360.lambda.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/**
 * The EMF line Lambda would log, produced by the real Powertools/EMF libraries. The EMF library is told it runs in
 * Lambda (what {@code AWS_LAMBDA_FUNCTION_NAME} tells it there), so it writes to stdout as it does in a function.
 */
class EmfSummaryMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void runAsInLambda() {
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
    }

    @AfterAll
    static void restoreEnvironmentDetection() {
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Unknown);
    }

    @Test
    void customersUpserted_isOneUndimensionedCountInTheC360Namespace() throws Exception {
        SummaryMetrics metrics = EmfSummaryMetrics.create();

        List<JsonNode> lines = emfLinesWrittenBy(() -> {
            metrics.customersUpserted(3);
            metrics.customersUpserted(0);
        });

        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        JsonNode directive = first.at("/_aws/CloudWatchMetrics/0");
        assertThat(first.at("/_aws/CloudWatchMetrics")).hasSize(1);
        assertThat(directive.path("Namespace").asText()).isEqualTo("c360");
        assertThat(directive.path("Metrics")).hasSize(1);
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("CustomersUpserted");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(first.path("CustomersUpserted").asDouble()).isEqualTo(3.0);
        assertThat(lines.get(1).path("CustomersUpserted").asDouble()).isEqualTo(0.0);
        for (JsonNode line : lines) {
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions"))
                    .as("dimension sets").allSatisfy(dimensionSet -> assertThat(dimensionSet).isEmpty());
            assertThat(line.has("Service")).isFalse();
        }
    }

    private static List<JsonNode> emfLinesWrittenBy(Runnable work) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (line.startsWith("{\"_aws\"")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
