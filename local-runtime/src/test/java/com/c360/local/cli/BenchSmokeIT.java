package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.db.LocalDatabase;
import com.c360.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --smoke} end to end: every measurement is made and written, and the pipeline's summary and DuckDB's
 * agree with each other and with the count the generator's planted rows imply.
 */
class BenchSmokeIT {
    /**
     * 100,000 rows less the 14 planted bad ones are purchases; 10 bad rows are quarantined, the 2 exact duplicates
     * collapse, and each of the 2 conflicting copies takes the purchase it copies into quarantine with it.
     */
    private static final long VALID_PURCHASES = BenchCommand.SMOKE_ROWS - BenchCommand.PLANTED_BAD_ROWS - 2;

    @TempDir
    Path work;

    private PostgresTestDatabase server;
    private Map<String, String> environment;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createDatabase() {
        server = PostgresTestDatabase.create(BenchSmokeIT.class);
        environment = server.connectionEnvironment(LocalDatabase.URL_ENV, LocalDatabase.USER_ENV,
                LocalDatabase.PASSWORD_ENV);
    }

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void smoke_everyMeasurementWritten_totalsAgreeWithDuckDbAndThePlantedRows() throws Exception {
        Path json = work.resolve("smoke.json");
        C360Cli cli = new C360Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, new Properties());

        int exitCode = cli.run("--spark-cores", "2", "bench", "--smoke", "--out", json.toString());

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.path("mode").asText()).isEqualTo("smoke");
        assertThat(result.path("input").path("rows").asInt()).isEqualTo(BenchCommand.SMOKE_ROWS);
        assertThat(result.path("errors").size()).as(result.path("errors").toString()).isZero();
        assertThat(result.path("totals_equal").asBoolean()).isTrue();
        JsonNode ours = result.path("pipeline_totals");
        JsonNode duckDb = result.path("duckdb").path("totals");
        assertThat(ours.path("purchases").asLong()).isEqualTo(VALID_PURCHASES);
        assertThat(duckDb.path("purchases").asLong()).isEqualTo(VALID_PURCHASES);
        assertThat(duckDb.path("customers").asLong()).isEqualTo(ours.path("customers").asLong()).isPositive()
                .isLessThanOrEqualTo(BenchCommand.SMOKE_CUSTOMERS);
        assertThat(duckDb.path("total_spent_aud").decimalValue())
                .isEqualByComparingTo(ours.path("total_spent_aud").decimalValue());

        assertThat(result.path("end_to_end").path("total_seconds").asDouble()).isPositive();
        assertThat(result.path("duckdb").path("seconds").asDouble()).isPositive();
        assertThat(result.path("staging_load").path("rows").asLong()).isEqualTo(ours.path("customers").asLong());
        assertThat(result.path("staging_load").path("copy_rows_per_second").asDouble()).isPositive();
        assertThat(result.path("staging_load").path("batch_rows_per_second").asDouble()).isPositive();
        assertThat(result.path("incremental").path("full_history").path("succeeded").asBoolean()).isTrue();
        assertThat(result.path("incremental").path("empty_history").path("succeeded").asBoolean()).isTrue();
        assertThat(result.path("trigger").path("init_ms").asDouble()).isPositive();
        assertThat(result.path("trigger").path("first_invocation_ms").asDouble()).isPositive();
        for (String jar : List.of("c360-glue-jobs.jar", "c360-lambdas.jar", "c360-trigger.jar")) {
            assertThat(result.path("trigger").path("jar_bytes").path(jar).asLong()).as(jar).isPositive();
        }
        assertThat(result.path("top_spenders").path("p95_ms").asDouble())
                .isGreaterThanOrEqualTo(result.path("top_spenders").path("p50_ms").asDouble()).isPositive();
        assertThat(result.path("bronze_to_silver_scaling").path("one_core_seconds").asDouble()).isPositive();
        assertThat(result.path("bronze_to_silver_scaling").path("two_cores_seconds").asDouble()).isPositive();
        JsonNode twoCores = result.path("bronze_to_silver_scaling").path("task_concurrency").path("two_cores");
        long splitWall = 0;
        for (JsonNode millis : twoCores.path("wall_ms_with_k_tasks_running")) {
            splitWall += millis.asLong();
        }
        assertThat(twoCores.path("wall_ms_with_k_tasks_running").size()).isEqualTo(3);
        assertThat(splitWall).isEqualTo(twoCores.path("wall_ms").asLong()).isPositive();
        assertThat(twoCores.path("task_ms").asLong()).isPositive();
        assertThat(twoCores.path("slowest_stages").size()).isPositive();
        for (String process : List.of("bench_process", "trigger_jvm", "bronze_to_silver_1_core_jvm",
                "bronze_to_silver_2_cores_jvm")) {
            assertThat(result.path("peak_rss_bytes").path(process).asLong()).as(process).isPositive();
        }
        assertThat(result.path("targets").size()).isEqualTo(9);
        assertThat(result.path("succeeded").asBoolean()).isTrue();

        String markdown = Files.readString(work.resolve("smoke.md"));
        // The figures in the build log: a smoke run's are no benchmark, but show where a slow CI run spent its time.
        System.out.println(markdown);
        assertThat(markdown).contains("| figure | value | target | met? |", "| grand totals, pipeline = DuckDB |");
    }
}
