package com.c360.local.bench;

import com.c360.local.IngestReport;
import com.c360.local.machine.MachineFacts;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
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

    private static final int RATE_SCALE = 1;

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
        ObjectNode root = BenchJson.newRoot();
        BenchJson.putSetting(root, timestamp, gitCommit, machine, input);
        root.put("database", database);
        BenchJson.putTimes(root, sparkStartSeconds, report);
        ObjectNode throughput = root.putObject("throughput_rows_per_second");
        putRate(throughput, "bronze_to_silver", bronzeToSilverRowsPerSecond());
        putRate(throughput, "end_to_end", endToEndRowsPerSecond());
        BenchJson.putRows(root, report);
        return BenchJson.write(root);
    }

    private static void putRate(ObjectNode node, String field, OptionalDouble rate) {
        if (rate.isPresent()) {
            node.put(field, BenchJson.round(rate.getAsDouble(), RATE_SCALE));
        } else {
            node.putNull(field);
        }
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
