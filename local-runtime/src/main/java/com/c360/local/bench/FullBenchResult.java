package com.c360.local.bench;

import com.c360.local.IngestReport;
import com.c360.local.machine.MachineFacts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One {@code ./c360 bench} run (full or smoke): the ingestion end to end, and each comparison made after it. A
 * measurement that could not be made is null here and in the JSON, with its error in {@code errors}.
 *
 * @param duckDb the reference summary, null if not computed
 * @param pipelineTotals the Postgres summary's totals, null if not read
 * @param peakRssBytes this process's VmHWM at the end of the run
 * @param errors measurement name to what went wrong, for measurements that failed
 */
public record FullBenchResult(
        String mode,
        Instant timestamp,
        String gitCommit,
        MachineFacts machine,
        BenchInput input,
        String database,
        double sparkStartSeconds,
        IngestReport ingestion,
        DuckDbSummary.Run duckDb,
        SummaryTotals pipelineTotals,
        StagingLoadComparison.Result stagingLoad,
        Incremental incremental,
        TriggerColdStartBench.Result trigger,
        Map<String, OptionalLong> jarSizes,
        TopSpendersLatency.Result topSpenders,
        CoreScaling.Result scaling,
        OptionalLong peakRssBytes,
        Map<String, String> errors) {

    private static final int RATIO_SCALE = 3;
    private static final int MILLIS_SCALE = 3;
    private static final int RATE_SCALE = 1;
    private static final String TRIGGER_JAR = "c360-trigger.jar";

    /** The same file of new purchases on the full history (after the big ingestion) and on an empty one. */
    public record Incremental(int rows, IncrementalBenchResult.Run fullHistory, IncrementalBenchResult.Run emptyHistory) {
        public double ratio() {
            IngestReport full = fullHistory.report();
            IngestReport empty = emptyHistory.report();
            return full.succeeded() && empty.succeeded() && empty.seconds() > 0
                    ? full.seconds() / empty.seconds() : Double.NaN;
        }
    }

    /** One line of the markdown table. */
    record Figure(String label, String value, String target, String met) {
    }

    /** Both summaries were computed and agree on every grand total. */
    public boolean totalsEqual() {
        return duckDb != null && pipelineTotals != null && pipelineTotals.sameAs(duckDb.totals());
    }

    /** The ingestion succeeded, every measurement was made, and the two summaries agree. */
    public boolean succeeded() {
        return ingestion.succeeded() && errors.isEmpty() && totalsEqual();
    }

    double endToEndSeconds() {
        return ingestion.succeeded() ? ingestion.seconds() : Double.NaN;
    }

    double ratioToDuckDb() {
        return duckDb == null ? Double.NaN : endToEndSeconds() / duckDb.seconds();
    }

    /** Each target with this run's value; NaN where the measurement is missing. */
    Map<BenchTarget, Double> targetValues() {
        Map<BenchTarget, Double> values = new EnumMap<>(BenchTarget.class);
        values.put(BenchTarget.END_TO_END_SECONDS, endToEndSeconds());
        values.put(BenchTarget.RATIO_TO_DUCKDB, ratioToDuckDb());
        values.put(BenchTarget.STAGING_COPY_ROWS_PER_SECOND,
                stagingLoad == null ? Double.NaN : stagingLoad.copyRowsPerSecond());
        values.put(BenchTarget.STAGING_COPY_TO_BATCH, stagingLoad == null ? Double.NaN : stagingLoad.ratio());
        values.put(BenchTarget.INCREMENTAL_RATIO, incremental == null ? Double.NaN : incremental.ratio());
        values.put(BenchTarget.TRIGGER_INIT_MILLIS, trigger == null ? Double.NaN : trigger.initMillis());
        OptionalLong triggerJar = jarSizes.getOrDefault(TRIGGER_JAR, OptionalLong.empty());
        values.put(BenchTarget.TRIGGER_JAR_BYTES, triggerJar.isPresent() ? triggerJar.getAsLong() : Double.NaN);
        values.put(BenchTarget.TOP_SPENDERS_P95_MILLIS, topSpenders == null ? Double.NaN : topSpenders.p95Millis());
        values.put(BenchTarget.BRONZE_TO_SILVER_SCALING, scaling == null ? Double.NaN : scaling.ratio());
        return values;
    }

    /** Pretty-printed JSON, snake_case keys; seconds to the millisecond, ratios to three decimals. */
    public String toJson() {
        ObjectNode root = BenchJson.newRoot();
        root.put("mode", mode);
        BenchJson.putSetting(root, timestamp, gitCommit, machine, input);
        root.put("database", database);
        ObjectNode endToEnd = root.putObject("end_to_end");
        BenchJson.putIngestion(endToEnd, sparkStartSeconds, ingestion);
        putDuckDb(root);
        putStagingLoad(root);
        putIncremental(root);
        putTrigger(root);
        putTopSpenders(root);
        putScaling(root);
        ObjectNode rss = root.putObject("peak_rss_bytes");
        putBytes(rss, "bench_process", peakRssBytes);
        putBytes(rss, "trigger_jvm", trigger == null ? OptionalLong.empty() : trigger.peakRssBytes());
        putBytes(rss, "bronze_to_silver_1_core_jvm",
                scaling == null ? OptionalLong.empty() : scaling.oneCore().peakRssBytes());
        putBytes(rss, "bronze_to_silver_2_cores_jvm",
                scaling == null ? OptionalLong.empty() : scaling.twoCores().peakRssBytes());
        ArrayNode targets = root.putArray("targets");
        targetValues().forEach((target, value) -> {
            ObjectNode node = targets.addObject()
                    .put("target", target.name().toLowerCase(Locale.ROOT))
                    .put("description", target.label());
            putNumber(node, "value", value, RATIO_SCALE);
            node.put("bound", target.bound() == BenchTarget.Bound.AT_MOST ? "at_most" : "at_least")
                    .put("threshold", target.threshold());
            if (target.stretch() != null) {
                node.put("stretch", target.stretch()).put("stretch_met", target.stretchMetBy(value));
            }
            node.put("met", target.metBy(value));
        });
        ObjectNode errorNode = root.putObject("errors");
        errors.forEach(errorNode::put);
        root.put("succeeded", succeeded());
        return BenchJson.write(root);
    }

    private void putDuckDb(ObjectNode root) {
        ObjectNode node = root.putObject("duckdb");
        node.put("measured", "DuckDB (JDBC, in this process) computing the per-customer summary from the same CSV "
                + "and FX table by the pipeline's rules; seconds exclude connecting and reading the totals");
        if (duckDb != null) {
            node.put("threads", duckDb.threads());
            node.put("seconds", BenchJson.seconds(duckDb.seconds()));
            putNumber(node, "ratio_end_to_end_to_duckdb", ratioToDuckDb(), RATIO_SCALE);
            putTotals(node.putObject("totals"), duckDb.totals());
        }
        ObjectNode pipeline = root.putObject("pipeline_totals");
        pipeline.put("measured", "sum of total_spent_aud and customers from the Postgres summary table; purchases "
                + "from the ingestion's audit record (valid purchases), as the summary table has no count");
        if (pipelineTotals != null) {
            putTotals(pipeline, pipelineTotals);
        }
        root.put("totals_equal", totalsEqual());
    }

    private static void putTotals(ObjectNode node, SummaryTotals totals) {
        node.put("total_spent_aud", totals.totalSpentAud())
                .put("customers", totals.customers())
                .put("purchases", totals.purchases());
    }

    private void putStagingLoad(ObjectNode root) {
        if (stagingLoad == null) {
            root.putNull("staging_load");
            return;
        }
        ObjectNode node = root.putObject("staging_load");
        node.put("measured", "glue-jobs StagingLoader (COPY, one transaction) vs JDBC addBatch/executeBatch of "
                + StagingLoadComparison.BATCH_SIZE + " INSERTs into a scratch copy of the staging table; "
                + StagingLoadComparison.NOTE);
        node.put("rows", stagingLoad.rows())
                .put("batch_size", StagingLoadComparison.BATCH_SIZE)
                .put("copy_seconds", BenchJson.seconds(stagingLoad.copySeconds()))
                .put("batch_seconds", BenchJson.seconds(stagingLoad.batchSeconds()))
                .put("copy_rows_per_second", BenchJson.round(stagingLoad.copyRowsPerSecond(), RATE_SCALE))
                .put("batch_rows_per_second", BenchJson.round(stagingLoad.batchRowsPerSecond(), RATE_SCALE));
        putNumber(node, "ratio_copy_to_batch", stagingLoad.ratio(), RATIO_SCALE);
    }

    private void putIncremental(ObjectNode root) {
        if (incremental == null) {
            root.putNull("incremental");
            return;
        }
        ObjectNode node = root.putObject("incremental");
        node.put("measured", "the same file of new purchases ingested on the full history (after the ingestion "
                + "above, a fresh Spark session) and in a fresh home on an empty history; total seconds each");
        node.put("rows", incremental.rows());
        BenchJson.putTimes(node.putObject("full_history"), incremental.fullHistory().sparkStartSeconds(),
                incremental.fullHistory().report());
        BenchJson.putTimes(node.putObject("empty_history"), incremental.emptyHistory().sparkStartSeconds(),
                incremental.emptyHistory().report());
        putNumber(node, "ratio_full_to_empty_history", incremental.ratio(), RATIO_SCALE);
    }

    private void putTrigger(ObjectNode root) {
        ObjectNode node = root.putObject("trigger");
        node.put("measured", TriggerColdStartBench.MEASURED);
        if (trigger != null) {
            node.put("init_ms", BenchJson.round(trigger.initMillis(), MILLIS_SCALE))
                    .put("first_invocation_ms", BenchJson.round(trigger.firstInvocationMillis(), MILLIS_SCALE));
        }
        ObjectNode jars = node.putObject("jar_bytes");
        jarSizes.forEach((jar, size) -> putBytes(jars, jar, size));
    }

    private void putTopSpenders(ObjectNode root) {
        if (topSpenders == null) {
            root.putNull("top_spenders");
            return;
        }
        root.putObject("top_spenders")
                .put("measured", "RdsTopSpenders.top(" + topSpenders.limit() + "), the ./c360 top-spenders query, "
                        + "on one open connection to the loaded summary")
                .put("warm_up_runs", topSpenders.warmUpRuns())
                .put("runs", topSpenders.runs())
                .put("p50_ms", BenchJson.round(topSpenders.p50Millis(), MILLIS_SCALE))
                .put("p95_ms", BenchJson.round(topSpenders.p95Millis(), MILLIS_SCALE));
    }

    private void putScaling(ObjectNode root) {
        if (scaling == null) {
            root.putNull("bronze_to_silver_scaling");
            return;
        }
        ObjectNode node = root.putObject("bronze_to_silver_scaling");
        node.put("measured", "the bronze->silver job alone on the same CSV, in a child JVM per core count "
                        + "(local[N], the JVM confined to N CPUs by taskset), each on a fresh lake; Spark start-up "
                        + "excluded")
                .put("one_core_seconds", BenchJson.seconds(scaling.oneCore().seconds()))
                .put("two_cores_seconds", BenchJson.seconds(scaling.twoCores().seconds()))
                .put("ratio_one_to_two_cores", BenchJson.round(scaling.ratio(), RATIO_SCALE))
                .put("jvm_confined_to_its_cores", scaling.oneCore().confined() && scaling.twoCores().confined());
        ObjectNode profiles = node.putObject("task_concurrency");
        profiles.put("measured", "from Spark's task start and end events over the timed job: wall milliseconds "
                + "during which exactly k tasks ran, and the stages with the longest wall time (first task's start "
                + "to last task's end)");
        putConcurrency(profiles.putObject("one_core"), scaling.oneCore().concurrency());
        putConcurrency(profiles.putObject("two_cores"), scaling.twoCores().concurrency());
    }

    private static void putConcurrency(ObjectNode node, TaskConcurrency.Profile profile) {
        node.put("wall_ms", profile.wallMillis()).put("task_ms", profile.taskMillis());
        ArrayNode atConcurrency = node.putArray("wall_ms_with_k_tasks_running");
        for (long millis : profile.millisAtConcurrency()) {
            atConcurrency.add(millis);
        }
        node.put("share_with_a_core_idle", BenchJson.round(profile.underusedShare(), RATIO_SCALE));
        ArrayNode stages = node.putArray("slowest_stages");
        profile.slowestStages().forEach(stage -> stages.addObject().put("name", stage.name())
                .put("tasks", stage.tasks()).put("wall_ms", stage.wallMillis()).put("task_ms", stage.taskMillis()));
    }

    private static void putBytes(ObjectNode node, String field, OptionalLong bytes) {
        if (bytes.isPresent()) {
            node.put(field, bytes.getAsLong());
        } else {
            node.putNull(field);
        }
    }

    private static void putNumber(ObjectNode node, String field, double value, int scale) {
        if (Double.isFinite(value)) {
            node.put(field, BenchJson.round(value, scale));
        } else {
            node.putNull(field);
        }
    }

    /** The run as a markdown page: the setting, then one table of figure, value, target and whether it is met. */
    public String toMarkdown() {
        StringBuilder page = new StringBuilder();
        page.append(String.format(Locale.ROOT, "# c360 bench (%s), %s%n%n", mode, timestamp));
        page.append(String.format(Locale.ROOT, "%d rows (%.1f MB), %d customers, seed %d. %d cores, %.1f GiB memory, "
                        + "max heap %d MiB, Java %s, Spark %s, %s database, commit %s.%n%n",
                input.rows(), input.bytes() / 1e6, input.customers(), input.seed(), machine.cores(),
                machine.memoryBytes() / (double) (1L << 30), machine.maxHeapBytes() >> 20, machine.javaVersion(),
                machine.sparkMaster(), database, gitCommit == null ? "unknown" : gitCommit));
        page.append("Targets are the issue's, set for the full run (10,000,000 rows, 1,000,000 customers) on 2 "
                + "cores.\n\n");
        page.append("| figure | value | target | met? |\n|---|---|---|---|\n");
        for (Figure figure : figures()) {
            page.append("| ").append(figure.label()).append(" | ").append(figure.value()).append(" | ")
                    .append(figure.target()).append(" | ").append(figure.met()).append(" |\n");
        }
        if (!errors.isEmpty()) {
            page.append("\nNot measured:\n\n");
            errors.forEach((name, error) -> page.append("- ").append(name).append(": ")
                    .append(error.lines().findFirst().orElse("")).append('\n'));
        }
        return page.toString();
    }

    List<Figure> figures() {
        Map<BenchTarget, Double> values = targetValues();
        List<Figure> figures = new ArrayList<>();
        figures.add(targeted(BenchTarget.END_TO_END_SECONDS, values, "%.1f s"));
        figures.add(plain("Spark start-up, before the above (s)", String.format(Locale.ROOT, "%.1f s",
                sparkStartSeconds)));
        ingestion.stageSeconds().forEach((stage, seconds) -> figures.add(plain("stage " + stage + " (s)",
                String.format(Locale.ROOT, "%.1f s", seconds))));
        figures.add(plain("DuckDB, same summary from the CSV (s)",
                duckDb == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", duckDb.seconds())));
        figures.add(targeted(BenchTarget.RATIO_TO_DUCKDB, values, "%.2f×"));
        figures.add(new Figure("grand totals, pipeline = DuckDB", totalsText(), "equal",
                totalsEqual() ? "yes" : "**no**"));
        figures.add(targeted(BenchTarget.STAGING_COPY_ROWS_PER_SECOND, values, "%,.0f"));
        figures.add(plain("staging load, JDBC batches of " + StagingLoadComparison.BATCH_SIZE + " (rows/s)",
                stagingLoad == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", stagingLoad.batchRowsPerSecond())));
        figures.add(targeted(BenchTarget.STAGING_COPY_TO_BATCH, values, "%.1f×"));
        if (incremental != null) {
            figures.add(plain(String.format(Locale.ROOT, "%,d-row file on the full history / on an empty one (s)",
                    incremental.rows()), String.format(Locale.ROOT, "%.1f s / %.1f s",
                    incremental.fullHistory().report().seconds(), incremental.emptyHistory().report().seconds())));
        }
        figures.add(targeted(BenchTarget.INCREMENTAL_RATIO, values, "%.2f×"));
        figures.add(targeted(BenchTarget.TRIGGER_INIT_MILLIS, values, "%.0f ms"));
        figures.add(plain("trigger first invocation (ms)",
                trigger == null ? "n/a" : String.format(Locale.ROOT, "%.0f ms", trigger.firstInvocationMillis())));
        figures.add(targeted(BenchTarget.TRIGGER_JAR_BYTES, values, "%,.0f"));
        jarSizes.forEach((jar, size) -> {
            if (!jar.equals(TRIGGER_JAR)) {
                figures.add(plain(jar + " (bytes)", size.isPresent()
                        ? String.format(Locale.ROOT, "%,d", size.getAsLong()) : "n/a"));
            }
        });
        figures.add(plain("top-spenders p50 (ms)",
                topSpenders == null ? "n/a" : String.format(Locale.ROOT, "%.2f ms", topSpenders.p50Millis())));
        figures.add(targeted(BenchTarget.TOP_SPENDERS_P95_MILLIS, values, "%.2f ms"));
        if (scaling != null) {
            figures.add(plain("bronze→silver on 1 core / on 2 cores (s)", String.format(Locale.ROOT,
                    "%.1f s / %.1f s", scaling.oneCore().seconds(), scaling.twoCores().seconds())));
            TaskConcurrency.Profile twoCores = scaling.twoCores().concurrency();
            long[] atConcurrency = twoCores.millisAtConcurrency();
            figures.add(plain("bronze→silver on 2 cores: wall with 0 / 1 / 2 tasks running (s)",
                    String.format(Locale.ROOT, "%.1f / %.1f / %.1f s (a core idle %.0f %% of the time)",
                            atConcurrency[0] / 1e3, atConcurrency[1] / 1e3, atConcurrency[2] / 1e3,
                            100 * twoCores.underusedShare())));
        }
        figures.add(targeted(BenchTarget.BRONZE_TO_SILVER_SCALING, values, "%.2f×"));
        figures.add(plain("peak RSS of the bench process (MiB)", peakRssBytes.isPresent()
                ? String.format(Locale.ROOT, "%,d MiB", peakRssBytes.getAsLong() >> 20) : "n/a"));
        return figures;
    }

    private String totalsText() {
        if (pipelineTotals == null || duckDb == null) {
            return "n/a";
        }
        SummaryTotals ours = pipelineTotals;
        SummaryTotals theirs = duckDb.totals();
        String text = String.format(Locale.ROOT, "%s AUD, %,d customers, %,d purchases",
                ours.totalSpentAud().toPlainString(), ours.customers(), ours.purchases());
        return totalsEqual() ? text : text + String.format(Locale.ROOT, " vs %s AUD, %,d customers, %,d purchases",
                theirs.totalSpentAud().toPlainString(), theirs.customers(), theirs.purchases());
    }

    private static Figure plain(String label, String value) {
        return new Figure(label, value, "", "");
    }

    private static Figure targeted(BenchTarget target, Map<BenchTarget, Double> values, String format) {
        double value = values.get(target);
        String threshold = target.bound().symbol + " " + number(target.threshold(), format)
                + (target.stretch() == null ? "" : " (stretch " + number(target.stretch(), format) + ")");
        String met = !Double.isFinite(value) ? "n/a"
                : target.stretchMetBy(value) ? "yes, stretch too" : target.metBy(value) ? "yes" : "**no**";
        return new Figure(target.label(), Double.isFinite(value) ? number(value, format) : "n/a", threshold, met);
    }

    private static String number(double value, String format) {
        return String.format(Locale.ROOT, format, value);
    }
}
