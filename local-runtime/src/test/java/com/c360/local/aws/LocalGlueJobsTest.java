package com.c360.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import com.c360.local.asl.TaskContext;
import com.c360.local.asl.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalGlueJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDING_JOB = "c360-test-recording";
    private static final String FAILING_JOB = "c360-test-failing";
    private static final TaskContext CONTEXT = new TaskContext(
            "arn:aws:states:local:000000000000:execution:c360-pipeline:run-1", "run-1", "BronzeToSilver", 0);

    private final AtomicInteger sparkRequests = new AtomicInteger();
    private final Supplier<SparkSession> spark = () -> {
        sparkRequests.incrementAndGet();
        return null;
    };
    private final Map<String, String> defaultArguments = Map.of(
            "--bronze_root", "file:/lake/bronze/",
            "--fx_path", "file:/lake/reference/fx_rates_aud.csv");
    private final LocalGlueJobs glue = new LocalGlueJobs(
            Map.of(RECORDING_JOB, RecordingGlueJob.class.getName(), FAILING_JOB, FailingGlueJob.class.getName()),
            defaultArguments, spark);

    @BeforeEach
    void forgetEarlierRuns() {
        RecordingGlueJob.RUNS.clear();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** Reads a Glue-style argv back into key → value, checking that it strictly alternates --key and value. */
    private static Map<String, String> argumentsOf(String[] argv) {
        assertThat(argv.length % 2).as("argv pairs").isZero();
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i += 2) {
            assertThat(argv[i]).startsWith("--");
            assertThat(arguments.put(argv[i].substring(2), argv[i + 1])).as("repeated " + argv[i]).isNull();
        }
        return arguments;
    }

    @Test
    void jobNamesForPrefix_mapToTheGlueJobMainClassesCdkDeploys() {
        assertThat(LocalGlueJobs.mainClassesByJobName("c360-dev")).containsOnly(
                entry("c360-dev-bronze-to-silver", "com.c360.glue.silver.BronzeToSilverJob"),
                entry("c360-dev-silver-to-gold", "com.c360.glue.gold.SilverToGoldJob"),
                entry("c360-dev-gold-to-rds", "com.c360.glue.rds.GoldToRdsJob"));
    }

    @Test
    void runArguments_overlayDefaultsWithoutDashes_andJobNameIsAdded() throws Exception {
        JsonNode parameters = json("""
                {"JobName": "c360-test-recording",
                 "Arguments": {"--fx_path": "file:/tmp/override.csv", "--run_id": "run-1",
                               "--source_key": "incoming/my file+1.csv", "--source_version": null}}""");

        glue.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT);

        assertThat(RecordingGlueJob.RUNS).hasSize(1);
        assertThat(argumentsOf(RecordingGlueJob.RUNS.get(0))).containsOnly(
                entry("bronze_root", "file:/lake/bronze/"),
                entry("fx_path", "file:/tmp/override.csv"),
                entry("run_id", "run-1"),
                entry("source_key", "incoming/my file+1.csv"),
                entry("source_version", ""),
                entry("JOB_NAME", "c360-test-recording"));
    }

    @Test
    void successfulRun_answersSucceededJobRunWithItsOwnId_andStartsSpark() throws Exception {
        JsonNode parameters = json("{\"JobName\": \"c360-test-recording\", \"Arguments\": {}}");

        JsonNode first = glue.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT);
        JsonNode second = glue.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT);

        assertThat(first.path("JobRunState").asText()).isEqualTo("SUCCEEDED");
        assertThat(first.path("JobName").asText()).isEqualTo(RECORDING_JOB);
        assertThat(first.path("Id").asText()).startsWith("jr_").isNotEqualTo(second.path("Id").asText());
        assertThat(first.has("ErrorMessage")).isFalse();
        assertThat(sparkRequests).hasValue(2);
    }

    @Test
    void unknownJob_failsWithEntityNotFound_withoutStartingSpark() throws Exception {
        JsonNode parameters = json("{\"JobName\": \"c360-test-missing\", \"Arguments\": {}}");

        TaskFailedException failure = catchThrowableOfType(TaskFailedException.class,
                () -> glue.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT));

        assertThat(failure.error()).isEqualTo("Glue.EntityNotFoundException");
        assertThat(failure.cause()).contains("c360-test-missing");
        assertThat(sparkRequests).hasValue(0);
    }

    @Test
    void jobThrowing_failsTheTaskWithFailedJobRunNamingTheExceptionAndMessage() throws Exception {
        JsonNode parameters = json("{\"JobName\": \"c360-test-failing\", \"Arguments\": {\"--run_id\": \"run-1\"}}");

        TaskFailedException failure = catchThrowableOfType(TaskFailedException.class,
                () -> glue.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT));

        assertThat(failure.error()).isEqualTo("States.TaskFailed");
        JsonNode jobRun = JSON.readTree(failure.cause());
        assertThat(jobRun.path("JobRunState").asText()).isEqualTo("FAILED");
        assertThat(jobRun.path("JobName").asText()).isEqualTo(FAILING_JOB);
        assertThat(jobRun.path("Id").asText()).startsWith("jr_");
        assertThat(jobRun.path("ErrorMessage").asText())
                .contains("EmptyInputException")
                .contains(FailingGlueJob.MESSAGE);
        assertThat(failure.getCause()).isInstanceOf(FailingGlueJob.EmptyInputException.class);
    }

    @Test
    void mainClassWithoutMain_isAWiringBugNotATaskFailure() {
        LocalGlueJobs miswired = new LocalGlueJobs(Map.of("c360-test-nomain", String.class.getName()),
                Map.of(), spark);

        assertThatThrownBy(() -> miswired.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC,
                json("{\"JobName\": \"c360-test-nomain\"}"), CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String");
    }
}
