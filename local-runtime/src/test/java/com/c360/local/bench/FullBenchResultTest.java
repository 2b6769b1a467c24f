package com.c360.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.IngestReport;
import com.c360.local.machine.MachineFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class FullBenchResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SummaryTotals TOTALS = new SummaryTotals(new BigDecimal("123456.78"), 1_000, 9_986);

    private static IngestReport report(double seconds) {
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("BronzeToSilver", seconds / 2);
        stages.put("SilverToGold", seconds / 4);
        return new IngestReport("bench.csv", "run", true, 10_000, 9_986, 14, 0, 1_000, seconds, stages, null);
    }

    private static Map<String, OptionalLong> jars(long triggerBytes) {
        Map<String, OptionalLong> jars = new LinkedHashMap<>();
        jars.put("c360-glue-jobs.jar", OptionalLong.of(90_000_000));
        jars.put("c360-lambdas.jar", OptionalLong.empty());
        jars.put("c360-trigger.jar", OptionalLong.of(triggerBytes));
        return jars;
    }

    /**
     * 50 s end to end vs DuckDB's 20 s (2.5x); COPY 1,000 rows in 0.001 s vs 0.004 s (1M rows/s, 4x); 12 s vs 10 s for
     * the small file (1.2x); trigger init 250 ms, jar 14 MB; p95 6 ms; 1 core 30 s vs 2 cores 15 s (2x).
     */
    private static FullBenchResult result(SummaryTotals duckDbTotals, Map<String, String> errors) {
        return new FullBenchResult("smoke", Instant.parse("2026-12-02T04:00:00Z"), "abc123",
                new MachineFacts(2, 8L << 30, 4L << 30, "17", "local[2]"), new BenchInput(10_000, 800_000, 42, 1_000),
                "embedded", 3.0, report(50.0), new DuckDbSummary.Run(duckDbTotals, 20.0, 2), TOTALS,
                new StagingLoadComparison.Result(1_000, 0.001, 0.004),
                new FullBenchResult.Incremental(10_000, new IncrementalBenchResult.Run(2.0, report(12.0)),
                        new IncrementalBenchResult.Run(2.0, report(10.0))),
                new TriggerColdStartBench.Result(250.0, 900.0, OptionalLong.of(80L << 20)), jars(14_000_000),
                new TopSpendersLatency.Result(20, 200, 10, 1.5, 6.0),
                new CoreScaling.Result(new CoreScaling.Run(1, 30.0, true, concurrency(1, 0, 30_000),
                        OptionalLong.of(1L << 30)), new CoreScaling.Run(2, 15.0, true,
                        concurrency(2, 1_000, 3_000, 11_000),
                        OptionalLong.empty())),
                OptionalLong.of(2L << 30), errors);
    }

    /** A profile whose wall time is the sum of the given milliseconds at 0, 1, 2 ... tasks; one stage. */
    private static TaskConcurrency.Profile concurrency(int cores, long... millisAtConcurrency) {
        long wall = java.util.Arrays.stream(millisAtConcurrency).sum();
        return new TaskConcurrency.Profile(cores, wall, millisAtConcurrency, wall,
                List.of(new TaskConcurrency.Stage("save at Merge", 8, wall, wall)));
    }

    @Test
    void fullResult_jsonHasEverySectionAndEachTargetJudged() throws Exception {
        FullBenchResult result = result(TOTALS, Map.of());

        JsonNode json = JSON.readTree(result.toJson());

        assertThat(json.path("mode").asText()).isEqualTo("smoke");
        assertThat(json.path("machine").path("memory_bytes").asLong()).isEqualTo(8L << 30);
        assertThat(json.path("end_to_end").path("total_seconds").asDouble()).isEqualTo(50.0);
        assertThat(json.path("duckdb").path("ratio_end_to_end_to_duckdb").asDouble()).isEqualTo(2.5);
        assertThat(json.path("duckdb").path("totals").path("total_spent_aud").decimalValue())
                .isEqualByComparingTo("123456.78");
        assertThat(json.path("pipeline_totals").path("purchases").asLong()).isEqualTo(9_986);
        assertThat(json.path("totals_equal").asBoolean()).isTrue();
        assertThat(json.path("staging_load").path("copy_rows_per_second").asDouble()).isEqualTo(1_000_000.0);
        assertThat(json.path("staging_load").path("ratio_copy_to_batch").asDouble()).isEqualTo(4.0);
        assertThat(json.path("incremental").path("ratio_full_to_empty_history").asDouble()).isEqualTo(1.2);
        assertThat(json.path("trigger").path("init_ms").asDouble()).isEqualTo(250.0);
        assertThat(json.path("trigger").path("jar_bytes").path("c360-lambdas.jar").isNull()).isTrue();
        assertThat(json.path("top_spenders").path("p95_ms").asDouble()).isEqualTo(6.0);
        assertThat(json.path("bronze_to_silver_scaling").path("ratio_one_to_two_cores").asDouble()).isEqualTo(2.0);
        JsonNode twoCores = json.path("bronze_to_silver_scaling").path("task_concurrency").path("two_cores");
        assertThat(twoCores.path("wall_ms_with_k_tasks_running").toString()).isEqualTo("[1000,3000,11000]");
        assertThat(twoCores.path("share_with_a_core_idle").asDouble()).isEqualTo(0.267);
        assertThat(twoCores.path("slowest_stages").get(0).path("name").asText()).isEqualTo("save at Merge");
        assertThat(json.path("peak_rss_bytes").path("bench_process").asLong()).isEqualTo(2L << 30);
        assertThat(json.path("peak_rss_bytes").path("bronze_to_silver_2_cores_jvm").isNull()).isTrue();
        assertThat(met(json)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "end_to_end_seconds", true, "ratio_to_duckdb", true, "staging_copy_rows_per_second", true,
                "staging_copy_to_batch", false, "incremental_ratio", true, "trigger_init_millis", true,
                "trigger_jar_bytes", true, "top_spenders_p95_millis", false, "bronze_to_silver_scaling", true));
        assertThat(json.path("succeeded").asBoolean()).isTrue();
    }

    @Test
    void stretchGoals_areJudgedBesideTheTarget() throws Exception {
        JsonNode endToEnd = target(JSON.readTree(result(TOTALS, Map.of()).toJson()), "end_to_end_seconds");

        // 50 s meets the 60 s target, not the 40 s stretch.
        assertThat(endToEnd.path("stretch").asDouble()).isEqualTo(40.0);
        assertThat(endToEnd.path("stretch_met").asBoolean()).isFalse();
        assertThat(endToEnd.path("met").asBoolean()).isTrue();
    }

    @Test
    void differentDuckDbTotals_recordedUnequal_runNotSucceeded() throws Exception {
        FullBenchResult result = result(new SummaryTotals(new BigDecimal("123456.79"), 1_000, 9_986), Map.of());

        JsonNode json = JSON.readTree(result.toJson());

        assertThat(json.path("totals_equal").asBoolean()).isFalse();
        assertThat(json.path("succeeded").asBoolean()).isFalse();
        assertThat(result.toMarkdown()).contains("| grand totals, pipeline = DuckDB | 123456.78 AUD, 1,000 customers, "
                + "9,986 purchases vs 123456.79 AUD, 1,000 customers, 9,986 purchases | equal | **no** |");
    }

    @Test
    void markdown_tableRowsShowValueTargetAndWhetherMet() {
        String markdown = result(TOTALS, Map.of("trigger", "boom")).toMarkdown();

        assertThat(markdown).startsWith("# c360 bench (smoke), 2026-12-02T04:00:00Z")
                .contains("| figure | value | target | met? |")
                .contains("| end to end, file in bronze to summary committed (s) | 50.0 s | ≤ 60.0 s (stretch 40.0 s) "
                        + "| yes |")
                .contains("| end to end / DuckDB from the same CSV | 2.50× | ≤ 3.00× (stretch 2.00×) | yes |")
                .contains("| staging load, COPY / JDBC batch inserts | 4.0× | ≥ 5.0× | **no** |")
                .contains("| top-spenders p95 (ms) | 6.00 ms | ≤ 5.00 ms | **no** |")
                .contains("| c360-trigger.jar (bytes) | 14,000,000 | ≤ 15,000,000 | yes |")
                .contains("| c360-lambdas.jar (bytes) | n/a |  |  |")
                .contains("| bronze→silver on 1 core / on 2 cores (s) | 30.0 s / 15.0 s |  |  |")
                .contains("| bronze→silver on 2 cores: wall with 0 / 1 / 2 tasks running (s) | 1.0 / 3.0 / 11.0 s "
                        + "(a core idle 27 % of the time) |  |  |")
                .contains("- trigger: boom");
    }

    @Test
    void missingMeasurement_isNotApplicable_notMet() throws Exception {
        FullBenchResult result = new FullBenchResult("full", Instant.parse("2026-12-02T04:00:00Z"), null,
                new MachineFacts(2, 8L << 30, 4L << 30, "17", "local[2]"), new BenchInput(10_000, 800_000, 42, 1_000),
                "embedded", 3.0, report(50.0), null, null, null, null, null, jars(14_000_000), null, null,
                OptionalLong.empty(), Map.of("duckdb", "boom"));

        JsonNode json = JSON.readTree(result.toJson());

        assertThat(target(json, "ratio_to_duckdb").path("value").isNull()).isTrue();
        assertThat(target(json, "ratio_to_duckdb").path("met").asBoolean()).isFalse();
        assertThat(json.path("staging_load").isNull()).isTrue();
        assertThat(json.path("errors").path("duckdb").asText()).isEqualTo("boom");
        assertThat(result.toMarkdown()).contains("| end to end / DuckDB from the same CSV | n/a | ≤ 3.00× (stretch "
                + "2.00×) | n/a |");
    }

    private static Map<String, Boolean> met(JsonNode json) {
        Map<String, Boolean> met = new LinkedHashMap<>();
        json.path("targets").forEach(target -> met.put(target.path("target").asText(),
                target.path("met").asBoolean()));
        return met;
    }

    private static JsonNode target(JsonNode json, String name) {
        List<JsonNode> targets = StreamSupport.stream(json.path("targets").spliterator(), false)
                .filter(target -> target.path("target").asText().equals(name)).toList();
        assertThat(targets).hasSize(1);
        return targets.get(0);
    }
}
