package com.c360.local.aws;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.c360.local.asl.TaskContext;
import com.c360.local.asl.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalGlueJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDING_JOB = "c360-test-recording";
    private static final String FAILING_JOB = "c360-test-failing";
    private static final String BLOCKING_JOB = "c360-test-blocking";
    /** How long a run that should wait is given to show it does not; a queue that fails lets it in well within. */
    private static final Duration SETTLE = Duration.ofMillis(300);
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
            defaultArguments, spark, new JobRunQueue(Map.of(RECORDING_JOB, 10, FAILING_JOB, 10)));

    @BeforeEach
    void forgetEarlierRuns() {
        RecordingGlueJob.RUNS.clear();
        BlockingGlueJob.reset();
    }

    /** Glue jobs over the blocking stand-in job, limited to {@code maxConcurrentRuns}, one deployment per run. */
    private List<Callable<JsonNode>> blockingRuns(int runs, int maxConcurrentRuns) throws Exception {
        JobRunQueue queue = new JobRunQueue(Map.of(BLOCKING_JOB, maxConcurrentRuns));
        JsonNode parameters = json("{\"JobName\": \"c360-test-blocking\", \"Arguments\": {}}");
        List<Callable<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            LocalGlueJobs deployment = new LocalGlueJobs(Map.of(BLOCKING_JOB, BlockingGlueJob.class.getName()),
                    defaultArguments, spark, queue);
            calls.add(() -> deployment.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT));
        }
        return calls;
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
                Map.of(), spark, new JobRunQueue(Map.of("c360-test-nomain", 1)));

        assertThatThrownBy(() -> miswired.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC,
                json("{\"JobName\": \"c360-test-nomain\"}"), CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void runBeyondALimitOfOne_waitsForTheRunningOne_insteadOfFailing() throws Exception {
        List<Callable<JsonNode>> runs = blockingRuns(2, 1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<JsonNode> first = threads.submit(runs.get(0));
            assertThat(BlockingGlueJob.awaitRunning(1)).isTrue();
            Future<JsonNode> second = threads.submit(runs.get(1));
            Thread.sleep(SETTLE.toMillis());

            assertThat(BlockingGlueJob.started()).as("runs started while the first still runs").isEqualTo(1);
            assertThat(second).isNotDone();

            BlockingGlueJob.releaseAll();
            assertThat(first.get(10, SECONDS).path("JobRunState").asText()).isEqualTo("SUCCEEDED");
            assertThat(second.get(10, SECONDS).path("JobRunState").asText()).isEqualTo("SUCCEEDED");
            assertThat(BlockingGlueJob.mostAtOnce()).isEqualTo(1);
        } finally {
            BlockingGlueJob.releaseAll();
            threads.shutdownNow();
        }
    }

    @Test
    void jobWithALimitOfThree_runsThreeAtOnce_andQueuesTheFourth() throws Exception {
        List<Callable<JsonNode>> runs = blockingRuns(4, 3);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> running = new ArrayList<>();
            runs.forEach(run -> running.add(threads.submit(run)));

            assertThat(BlockingGlueJob.awaitRunning(3)).as("three runs in progress at once").isTrue();
            Thread.sleep(SETTLE.toMillis());
            assertThat(BlockingGlueJob.started()).as("runs started while three run").isEqualTo(3);

            BlockingGlueJob.releaseAll();
            for (Future<JsonNode> run : running) {
                assertThat(run.get(10, SECONDS).path("JobRunState").asText()).isEqualTo("SUCCEEDED");
            }
            assertThat(BlockingGlueJob.mostAtOnce()).isEqualTo(3);
        } finally {
            BlockingGlueJob.releaseAll();
            threads.shutdownNow();
        }
    }

    @Test
    void failedRun_freesItsSlotForTheNextRun() throws Exception {
        LocalGlueJobs limitedToOne = new LocalGlueJobs(Map.of(FAILING_JOB, FailingGlueJob.class.getName()),
                defaultArguments, spark, new JobRunQueue(Map.of(FAILING_JOB, 1)));
        JsonNode parameters = json("{\"JobName\": \"c360-test-failing\", \"Arguments\": {}}");

        List<TaskFailedException> failures = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> List.of(
                catchThrowableOfType(TaskFailedException.class,
                        () -> limitedToOne.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT)),
                catchThrowableOfType(TaskFailedException.class,
                        () -> limitedToOne.invoke(LocalDeployment.GLUE_RUN_JOB_SYNC, parameters, CONTEXT))));

        assertThat(failures).extracting(TaskFailedException::error)
                .containsExactly("States.TaskFailed", "States.TaskFailed");
    }
}
