package com.c360.local.bench;

import com.c360.local.IngestReport;
import com.c360.local.machine.MachineFacts;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One {@code bench} run: where it ran, what it ingested and how long each stage took.
 *
 * @param gitCommit null when the repository's HEAD could not be read
 * @param sparkStartSeconds starting local Spark before the execution, kept out of the stage and total times
 */
public record BenchResult(
        Instant timestamp,
        String gitCommit,
        MachineFacts machine,
        Input input,
        String database,
        double sparkStartSeconds,
        IngestReport report) {

    /** The state machine's bronze→silver state (statemachine/c360-pipeline.asl.json). */
    static final String BRONZE_TO_SILVER_STATE = "BronzeToSilver";

    private static final int SECONDS_SCALE = 3;
    private static final int RATE_SCALE = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** The generated CSV: data rows (header excluded), its size, and the generator's settings. */
    public record Input(int rows, long bytes, long seed, int customers) {
    }

    /** Rows read per second of the bronze→silver stage; empty for a failed run or one without that stage. */
    OptionalDouble bronzeToSilverRowsPerSecond() {
        Double seconds = report.stageSeconds().get(BRONZE_TO_SILVER_STATE);
        return seconds == null ? OptionalDouble.empty() : rate(seconds);
    }

    /** Rows read per second of the whole ingestion (upload, trigger, every stage); empty for a failed run. */
    OptionalDouble endToEndRowsPerSecond() {
        return rate(report.seconds());
    }

    private OptionalDouble rate(double seconds) {
        return report.succeeded() && seconds > 0 ? OptionalDouble.of(report.rowsRead() / seconds)
                : OptionalDouble.empty();
    }

    /** Pretty-printed JSON with snake_case keys; seconds to the millisecond, rates to a tenth of a row. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("timestamp", timestamp.toString());
        root.put("git_commit", gitCommit);
        root.putObject("machine")
                .put("cores", machine.cores())
                .put("max_heap_bytes", machine.maxHeapBytes())
                .put("java_version", machine.javaVersion())
                .put("spark_master", machine.sparkMaster());
        root.putObject("input")
                .put("rows", input.rows())
                .put("bytes", input.bytes())
                .put("seed", input.seed())
                .put("customers", input.customers());
        root.put("database", database);
        root.put("execution", report.executionName());
        root.put("succeeded", report.succeeded());
        root.put("error", report.error());
        root.put("spark_start_seconds", round(sparkStartSeconds, SECONDS_SCALE));
        ObjectNode stages = root.putObject("stage_seconds");
        for (Map.Entry<String, Double> stage : report.stageSeconds().entrySet()) {
            stages.put(stage.getKey(), round(stage.getValue(), SECONDS_SCALE));
        }
        root.put("total_seconds", round(report.seconds(), SECONDS_SCALE));
        ObjectNode throughput = root.putObject("throughput_rows_per_second");
        putRate(throughput, "bronze_to_silver", bronzeToSilverRowsPerSecond());
        putRate(throughput, "end_to_end", endToEndRowsPerSecond());
        root.putObject("rows")
                .put("read", report.rowsRead())
                .put("valid", report.rowsValid())
                .put("quarantined", report.rowsQuarantined())
                .put("duplicates_collapsed", report.duplicatesCollapsed());
        root.put("customers_upserted", report.customersUpserted());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void putRate(ObjectNode node, String field, OptionalDouble rate) {
        if (rate.isPresent()) {
            node.put(field, round(rate.getAsDouble(), RATE_SCALE));
        } else {
            node.putNull(field);
        }
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** A few lines for the terminal: the setting, seconds per stage, the run summary and the throughput. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "bench: %d rows, %.1f MB (seed %d, %d customers); %d cores, max heap %d MiB, Java %s, Spark %s, "
                        + "%s database%n",
                input.rows(), input.bytes() / 1e6, input.seed(), input.customers(), machine.cores(),
                machine.maxHeapBytes() >> 20, machine.javaVersion(), machine.sparkMaster(), database));
        text.append(String.format(Locale.ROOT, "  %-16s %7.1f s (not in the times below)%n", "Spark start",
                sparkStartSeconds));
        report.stageSeconds().forEach((stage, seconds) ->
                text.append(String.format(Locale.ROOT, "  %-16s %7.1f s%n", stage, seconds)));
        text.append(report.summary());
        OptionalDouble endToEnd = endToEndRowsPerSecond();
        if (endToEnd.isPresent()) {
            OptionalDouble bronzeToSilver = bronzeToSilverRowsPerSecond();
            String bronzeToSilverRate = bronzeToSilver.isPresent()
                    ? String.format(Locale.ROOT, "%.0f rows/s", bronzeToSilver.getAsDouble()) : "n/a";
            text.append(String.format(Locale.ROOT, "throughput: %s bronze->silver, %.0f rows/s end to end%n",
                    bronzeToSilverRate, endToEnd.getAsDouble()));
        }
        return text.toString();
    }
}
