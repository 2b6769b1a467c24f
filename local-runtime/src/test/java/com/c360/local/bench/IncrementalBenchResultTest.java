package com.c360.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.IngestReport;
import com.c360.local.machine.MachineFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class IncrementalBenchResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static IngestReport report(boolean succeeded, double seconds, double bronzeToSilver, double silverToGold) {
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("BronzeToSilver", bronzeToSilver);
        stages.put("SilverToGold", silverToGold);
        return new IngestReport("bench.csv", "run", succeeded, 10_000, 9_986, 14, 0, 6_000, seconds, stages,
                succeeded ? null : "States.TaskFailed: boom");
    }

    private static IncrementalBenchResult result(IngestReport emptyHistory, IngestReport withHistory) {
        return new IncrementalBenchResult(Instant.parse("2026-12-02T00:00:00Z"), "abc123",
                new MachineFacts(2, 8L << 30, 4L << 30, "17", "local[2]"), new BenchInput(10_000, 800_000, 42, 9_986),
                "embedded", new IncrementalBenchResult.History(10_000_000, 1_000_000, 3, 1_000_000, 63.0),
                OptionalDouble.of(40.0), new IncrementalBenchResult.Run(0.1, emptyHistory),
                new IncrementalBenchResult.Run(0.1, withHistory));
    }

    @Test
    void historyRunTwiceAsLong_ratiosPerStageAndTotal_targetMissed() throws Exception {
        IncrementalBenchResult result = result(report(true, 10.0, 6.0, 4.0), report(true, 20.0, 6.0, 14.0));

        String text = result.toJson();
        JsonNode json = JSON.readTree(text);

        // Ratios to the thousandth, as written (a parsed tree would drop the trailing zeros).
        assertThat(text).contains("\"total\" : 2.000,", "\"BronzeToSilver\" : 1.000,", "\"SilverToGold\" : 3.500")
                .contains("\"max_total_ratio\" : 1.5,", "\"met\" : false");
        assertThat(json.path("runs").path("with_history").path("stage_seconds").path("SilverToGold").asDouble())
                .isEqualTo(14.0);
        assertThat(json.path("history").path("rows").asLong()).isEqualTo(10_000_000);
        assertThat(result.summary()).contains("  SilverToGold          4.0s     14.0s   3.50x")
                .contains("target: total ratio <= 1.5: NOT met");
    }

    @Test
    void ratioAtTheTarget_isMet() {
        IncrementalBenchResult result = result(report(true, 10.0, 6.0, 4.0), report(true, 15.0, 6.0, 9.0));

        assertThat(result.totalRatio()).isEqualTo(1.5);
        assertThat(result.targetMet()).isTrue();
    }

    @Test
    void failedHistoryRun_noRatios_targetNotMet() throws Exception {
        IncrementalBenchResult result = result(report(true, 10.0, 6.0, 4.0), report(false, 3.0, 3.0, 0.0));

        JsonNode json = JSON.readTree(result.toJson());

        assertThat(json.path("ratio_with_to_empty_history").path("total").isNull()).isTrue();
        assertThat(json.path("ratio_with_to_empty_history").path("stages").path("BronzeToSilver").isNull()).isTrue();
        assertThat(json.path("target").path("met").asBoolean()).isFalse();
        assertThat(json.path("runs").path("with_history").path("error").asText()).isEqualTo("States.TaskFailed: boom");
    }
}
