package com.c360.local.bench;

import com.c360.local.IngestReport;
import com.c360.local.machine.MachineFacts;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One {@code bench --incremental} run: the same file ingested on an empty history and on a seeded one, and how much
 * more the second cost. The target is {@link #TARGET_RATIO}.
 *
 * @param gitCommit null when the repository's HEAD could not be read
 * @param warmUpSeconds a first, unmeasured ingestion of the file in a home of its own, so neither measured run pays
 *     for the JVM's compiling Spark's code; empty when skipped
 */
public record IncrementalBenchResult(
        Instant timestamp,
        String gitCommit,
        MachineFacts machine,
        BenchInput input,
        String database,
        History history,
        OptionalDouble warmUpSeconds,
        Run emptyHistory,
        Run withHistory) {

    /** "A 10,000-row file on a 10-million-row history costs at most 1.5 times the same file on an empty history." */
    public static final double TARGET_RATIO = 1.5;

    static final List<String> NOTES = List.of(
            "History is written straight into silver and gold (HistorySeeder), not ingested through bronze; seeding "
                    + "is timed apart and not part of either run.",
            "The summary database starts empty in both runs: the upsert only reads and writes the customers the "
                    + "run staged, so the history's summary rows would not change what it does.",
            "Each run has its own Spark session (start-up timed apart); the history run's session is not the one "
                    + "that seeded, so no table state is cached in the JVM. The OS page cache may still hold "
                    + "the seeded files.");

    /** The seeded history: purchases and customers, silver's data files, gold's rows, and the seconds it took. */
    public record History(long rows, int customers, int silverFiles, long goldRows, double seedSeconds) {
    }

    /** One measured ingestion: Spark start-up before it, and the pipeline's report. */
    public record Run(double sparkStartSeconds, IngestReport report) {
    }

    private static final int RATIO_SCALE = 3;

    /** Total seconds with history over total seconds without; NaN when a run failed or took no time. */
    public double totalRatio() {
        return ratio(withHistory.report().seconds(), emptyHistory.report().seconds());
    }

    public boolean succeeded() {
        return emptyHistory.report().succeeded() && withHistory.report().succeeded();
    }

    public boolean targetMet() {
        return succeeded() && totalRatio() <= TARGET_RATIO;
    }

    private double ratio(double withHistorySeconds, double emptyHistorySeconds) {
        return succeeded() && emptyHistorySeconds > 0 ? withHistorySeconds / emptyHistorySeconds : Double.NaN;
    }

    /** Pretty-printed JSON with snake_case keys, in the style of {@link FullBenchResult#toJson()}. */
    public String toJson() {
        ObjectNode root = BenchJson.newRoot();
        root.put("mode", "incremental");
        BenchJson.putSetting(root, timestamp, gitCommit, machine, input);
        root.putObject("history")
                .put("rows", history.rows())
                .put("customers", history.customers())
                .put("silver_data_files", history.silverFiles())
                .put("gold_rows", history.goldRows())
                .put("seed_seconds", BenchJson.seconds(history.seedSeconds()));
        root.put("database", database);
        if (warmUpSeconds.isPresent()) {
            root.put("warm_up_seconds", BenchJson.seconds(warmUpSeconds.getAsDouble()));
        } else {
            root.putNull("warm_up_seconds");
        }
        ObjectNode runs = root.putObject("runs");
        BenchJson.putIngestion(runs.putObject("empty_history"), emptyHistory.sparkStartSeconds(),
                emptyHistory.report());
        BenchJson.putIngestion(runs.putObject("with_history"), withHistory.sparkStartSeconds(),
                withHistory.report());
        ObjectNode ratios = root.putObject("ratio_with_to_empty_history");
        putNumber(ratios, "total", totalRatio());
        ObjectNode stageRatios = ratios.putObject("stages");
        for (Map.Entry<String, Double> stage : emptyHistory.report().stageSeconds().entrySet()) {
            Double withHistorySeconds = withHistory.report().stageSeconds().get(stage.getKey());
            putNumber(stageRatios, stage.getKey(),
                    withHistorySeconds == null ? Double.NaN : ratio(withHistorySeconds, stage.getValue()));
        }
        root.putObject("target")
                .put("max_total_ratio", TARGET_RATIO)
                .put("met", targetMet());
        NOTES.forEach(root.putArray("notes")::add);
        return BenchJson.write(root);
    }

    /** A ratio to three decimals; null where it is undefined (a failed run, a stage of no measurable time). */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, BenchJson.round(value, RATIO_SCALE));
        } else {
            node.putNull(field);
        }
    }

    /** The two runs side by side, per stage and in total, with the ratio and whether the target is met. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "bench --incremental: %d-row file (seed %d, %d customers) on an empty history and on %d rows of "
                        + "%d customers; %d cores, max heap %d MiB, Java %s, Spark %s, %s database%n",
                input.rows(), input.seed(), input.customers(), history.rows(), history.customers(), machine.cores(),
                machine.maxHeapBytes() >> 20, machine.javaVersion(), machine.sparkMaster(), database));
        text.append(String.format(Locale.ROOT, "  history seeded in %.1f s (%d silver files, %d gold rows); %s "
                + "(neither measured)%n", history.seedSeconds(), history.silverFiles(), history.goldRows(),
                warmUpSeconds.isPresent() ? String.format(Locale.ROOT, "warm-up ingestion %.1f s",
                        warmUpSeconds.getAsDouble()) : "no warm-up ingestion"));
        text.append(String.format(Locale.ROOT, "  %-16s %9s %9s %7s%n", "", "empty", "history", "ratio"));
        text.append(String.format(Locale.ROOT, "  %-16s %8.1fs %8.1fs%n", "Spark start",
                emptyHistory.sparkStartSeconds(), withHistory.sparkStartSeconds()));
        for (Map.Entry<String, Double> stage : emptyHistory.report().stageSeconds().entrySet()) {
            Double withHistorySeconds = withHistory.report().stageSeconds().get(stage.getKey());
            text.append(row(stage.getKey(), stage.getValue(), withHistorySeconds));
        }
        text.append(row("total", emptyHistory.report().seconds(), withHistory.report().seconds()));
        if (!succeeded()) {
            text.append(emptyHistory.report().summary()).append(withHistory.report().summary());
        }
        text.append(String.format(Locale.ROOT, "target: total ratio <= %.1f: %s%n", TARGET_RATIO,
                targetMet() ? "met" : "NOT met"));
        return text.toString();
    }

    private String row(String name, double emptySeconds, Double withHistorySeconds) {
        if (withHistorySeconds == null) {
            return String.format(Locale.ROOT, "  %-16s %8.1fs %9s%n", name, emptySeconds, "-");
        }
        double ratio = ratio(withHistorySeconds, emptySeconds);
        return String.format(Locale.ROOT, "  %-16s %8.1fs %8.1fs %7s%n", name, emptySeconds, withHistorySeconds,
                Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "-");
    }
}
