package com.c360.local.aws;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.ExecutionInput;
import com.c360.lambda.trigger.ExecutionStarter.StartOutcome;
import com.c360.local.asl.AslStateMachine;
import com.c360.local.asl.ExecutionListener;
import com.c360.local.asl.ExecutionResult;
import com.c360.local.asl.InvalidExecutionNameException;
import com.c360.local.asl.TaskHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStepFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a wait that should go on is given to show it does not; one that ends early does so well within. */
    private static final long SETTLE_MILLIS = 300;
    private static final String WORK_ARN = "arn:aws:states:::test:work";
    private static final String TASK_THEN_CHOICE = """
            {"StartAt": "Work", "States": {
              "Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work", "ResultPath": "$.work",
                       "Next": "Check"},
              "Check": {"Type": "Choice",
                        "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "Broken"}],
                        "Default": "Done"},
              "Broken": {"Type": "Fail", "Error": "Pipeline.Broken", "Cause": "asked to fail"},
              "Done": {"Type": "Succeed"}}}""";

    @TempDir
    Path executions;

    /** The input of every task invocation, across all Step Functions instances and threads of a test. */
    private final List<JsonNode> workInputs = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch workStarted = new CountDownLatch(1);
    private final CountDownLatch workReleased = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Before the temporary directory goes: a run still going would write its record into it. */
    @AfterEach
    void finishRuns() throws InterruptedException {
        workReleased.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(10, SECONDS)).as("runs finished").isTrue();
    }

    private LocalStepFunctions stepFunctions() {
        TaskHandler work = (resource, parameters, context) -> {
            workInputs.add(parameters);
            return JSON.createObjectNode().put("done", true);
        };
        return new LocalStepFunctions(AslStateMachine.fromDefinition("test-pipeline", TASK_THEN_CHOICE, Map.of())
                .bind(Map.of(WORK_ARN, work), ExecutionListener.NONE), executions);
    }

    /** Step Functions whose task runs until the test counts down {@link #workReleased}, as a long Glue job does. */
    private LocalStepFunctions heldStepFunctions() {
        TaskHandler heldWork = (resource, parameters, context) -> {
            workInputs.add(parameters);
            workStarted.countDown();
            try {
                if (!workReleased.await(10, SECONDS)) {
                    throw new IllegalStateException("the test never released the work");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return JSON.createObjectNode().put("done", true);
        };
        return new LocalStepFunctions(AslStateMachine.fromDefinition("test-pipeline", TASK_THEN_CHOICE, Map.of())
                .bind(Map.of(WORK_ARN, heldWork), ExecutionListener.NONE), executions);
    }

    /** Starts {@code run-1} with {@code input} on another thread and returns once its task runs. */
    private Future<StartOutcome> startHeld(LocalStepFunctions stepFunctions, String input) throws Exception {
        Future<StartOutcome> outcome = threads.submit(() -> stepFunctions.start("run-1", input));
        assertThat(workStarted.await(10, SECONDS)).as("the execution's task started").isTrue();
        return outcome;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private JsonNode record(String executionName) throws Exception {
        return JSON.readTree(Files.readString(executions.resolve(executionName + ".json")));
    }

    @Test
    void newName_runsTheExecution_andRecordsStatusInputAndOutput() throws Exception {
        LocalStepFunctions stepFunctions = stepFunctions();

        StartOutcome outcome = stepFunctions.start("run-1", "{\"key\": \"incoming/a.csv\", \"fail\": false}");

        assertThat(outcome).isEqualTo(StartOutcome.STARTED);
        assertThat(workInputs).containsExactly(json("{\"key\": \"incoming/a.csv\", \"fail\": false}"));
        assertThat(stepFunctions.result("run-1")).hasValueSatisfying(result ->
                assertThat(result.succeeded()).isTrue());
        JsonNode record = record("run-1");
        assertThat(record.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(record.path("executionArn").asText())
                .isEqualTo("arn:aws:states:local:000000000000:execution:test-pipeline:run-1");
        assertThat(record.path("input")).isEqualTo(json("{\"key\": \"incoming/a.csv\", \"fail\": false}"));
        assertThat(record.path("output"))
                .isEqualTo(json("{\"key\": \"incoming/a.csv\", \"fail\": false, \"work\": {\"done\": true}}"));
        assertThat(record.path("error").isNull()).isTrue();
    }

    @Test
    void inputOfAnExecutionStartedByAnEarlierCommand_isReadBackFromItsRecord_andEmptyForANameNeverStarted() {
        ExecutionInput input = new ExecutionInput("c360-local-bronze", "incoming/a.csv", "v-1", "2025-03-01",
                "001740787200000-0000000000001A2B0000000000000000");
        // An operator's re-run is a later command: it knows the execution only by the record left on disk.
        new LocalStepFunctions(AslStateMachine.fromDefinition("test-pipeline",
                "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}", Map.of())
                .bind(Map.of(), ExecutionListener.NONE), executions).start("run-1", input.toJson());

        LocalStepFunctions laterCommand = stepFunctions();

        assertThat(laterCommand.input("run-1")).contains(input);
        assertThat(laterCommand.input("run-2")).isEmpty();
    }

    @Test
    void failedExecution_isRecordedWithErrorAndCauseAndNoOutput() throws Exception {
        StartOutcome outcome = stepFunctions().start("run-2", "{\"fail\": true}");

        assertThat(outcome).isEqualTo(StartOutcome.STARTED);
        JsonNode record = record("run-2");
        assertThat(record.path("status").asText()).isEqualTo("FAILED");
        assertThat(record.path("error").asText()).isEqualTo("Pipeline.Broken");
        assertThat(record.path("cause").asText()).isEqualTo("asked to fail");
        assertThat(record.path("output").isNull()).isTrue();
    }

    @Test
    void nameStartedByAnEarlierCommand_isAlreadyExisting_andRunsNothing() throws Exception {
        stepFunctions().start("run-1", "{\"fail\": false}");
        LocalStepFunctions laterCommand = stepFunctions();

        StartOutcome outcome = laterCommand.start("run-1", "{\"fail\": false}");

        assertThat(outcome).isEqualTo(StartOutcome.ALREADY_EXISTS);
        assertThat(workInputs).hasSize(1);
        assertThat(laterCommand.result("run-1")).isEmpty();
    }

    @Test
    void nameOfAFailedExecution_staysTaken() throws Exception {
        stepFunctions().start("run-1", "{\"fail\": true}");

        assertThat(stepFunctions().start("run-1", "{\"fail\": false}")).isEqualTo(StartOutcome.ALREADY_EXISTS);
        assertThat(workInputs).hasSize(1);
    }

    @Test
    void sameNameTwiceInOneCommand_isAlreadyExisting_andOtherNamesStillStart() throws Exception {
        LocalStepFunctions stepFunctions = stepFunctions();

        StartOutcome first = stepFunctions.start("run-1", "{\"fail\": false}");
        StartOutcome repeated = stepFunctions.start("run-1", "{\"fail\": false}");
        StartOutcome other = stepFunctions.start("run-2", "{\"fail\": false}");

        assertThat(List.of(first, repeated, other))
                .containsExactly(StartOutcome.STARTED, StartOutcome.ALREADY_EXISTS, StartOutcome.STARTED);
        assertThat(workInputs).hasSize(2);
    }

    @Test
    void sameName_afterFinish_raisesExecutionAlreadyExists() throws Exception {
        LocalStepFunctions stepFunctions = stepFunctions();
        stepFunctions.start("run-1", "{\"fail\": false}");

        StartOutcome outcome = stepFunctions.start("run-1", "{\"fail\": true}");

        assertThat(outcome).isEqualTo(StartOutcome.ALREADY_EXISTS);
        assertThat(workInputs).hasSize(1);
        assertThat(stepFunctions.result("run-1")).hasValueSatisfying(result ->
                assertThat(result.succeeded()).isTrue());
    }

    @Test
    void sameNameSameInput_whileRunning_returnsTheRunningExecution() throws Exception {
        // Each ingestion deploys its own instance, so a redelivery reaches another one than the running execution's.
        LocalStepFunctions running = heldStepFunctions();
        LocalStepFunctions redelivery = heldStepFunctions();
        Future<StartOutcome> first = startHeld(running, "{\"fail\": false}");

        StartOutcome outcome = redelivery.start("run-1", "{\"fail\": false}");
        Future<ExecutionResult> awaited = threads.submit(() -> redelivery.result("run-1").orElseThrow());
        Thread.sleep(SETTLE_MILLIS);
        assertThat(awaited).as("the result while the execution runs").isNotDone();
        workReleased.countDown();

        assertThat(outcome).isEqualTo(StartOutcome.STARTED);
        assertThat(first.get(10, SECONDS)).isEqualTo(StartOutcome.STARTED);
        ExecutionResult result = awaited.get(10, SECONDS);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.output().path("work")).isEqualTo(json("{\"done\": true}"));
        assertThat(result.visitedStates()).containsExactly("Work", "Check", "Done");
        assertThat(result).isEqualTo(running.result("run-1").orElseThrow());
        assertThat(workInputs).hasSize(1);
    }

    @Test
    void sameNameSameInput_redeliveredFromWithinTheRun_returnsTheRunningExecution() throws Exception {
        List<StartOutcome> redeliveries = new ArrayList<>();
        AtomicReference<LocalStepFunctions> stepFunctions = new AtomicReference<>();
        TaskHandler redeliverDuringWork = (resource, parameters, context) -> {
            workInputs.add(parameters);
            redeliveries.add(stepFunctions.get().start(context.executionName(), "{\"fail\": false}"));
            return JSON.createObjectNode();
        };
        stepFunctions.set(new LocalStepFunctions(AslStateMachine.fromDefinition("test-pipeline", TASK_THEN_CHOICE,
                Map.of()).bind(Map.of(WORK_ARN, redeliverDuringWork), ExecutionListener.NONE), executions));

        StartOutcome outcome = stepFunctions.get().start("run-1", "{\"fail\": false}");

        assertThat(outcome).isEqualTo(StartOutcome.STARTED);
        assertThat(redeliveries).containsExactly(StartOutcome.STARTED);
        assertThat(workInputs).hasSize(1);
        assertThat(stepFunctions.get().result("run-1")).hasValueSatisfying(result ->
                assertThat(result.succeeded()).isTrue());
    }

    @Test
    void sameNameDifferentInput_whileRunning_raisesExecutionAlreadyExists() throws Exception {
        LocalStepFunctions running = heldStepFunctions();
        LocalStepFunctions other = heldStepFunctions();
        Future<StartOutcome> first = startHeld(running, "{\"fail\": false}");

        StartOutcome outcome = other.start("run-1", "{\"fail\": true}");
        workReleased.countDown();

        assertThat(outcome).isEqualTo(StartOutcome.ALREADY_EXISTS);
        assertThat(other.result("run-1")).isEmpty();
        assertThat(first.get(10, SECONDS)).isEqualTo(StartOutcome.STARTED);
        assertThat(workInputs).containsExactly(json("{\"fail\": false}"));
        assertThat(record("run-1").path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void concurrentStartsOfOneName_runOnce() throws Exception {
        int starts = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<LocalStepFunctions> instances = new ArrayList<>();
        List<Future<StartOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            LocalStepFunctions stepFunctions = heldStepFunctions();
            instances.add(stepFunctions);
            outcomes.add(threads.submit(() -> {
                go.await();
                return stepFunctions.start("run-1", "{\"fail\": false}");
            }));
        }

        go.countDown();
        assertThat(workStarted.await(10, SECONDS)).isTrue();
        // All but the one running the execution answer while it runs: they join it, none runs it again.
        Thread.sleep(SETTLE_MILLIS);
        workReleased.countDown();

        for (Future<StartOutcome> outcome : outcomes) {
            assertThat(outcome.get(10, SECONDS)).isEqualTo(StartOutcome.STARTED);
        }
        assertThat(workInputs).hasSize(1);
        for (LocalStepFunctions stepFunctions : instances) {
            assertThat(stepFunctions.result("run-1")).hasValueSatisfying(result ->
                    assertThat(result.succeeded()).isTrue());
        }
        try (Stream<Path> files = Files.list(executions)) {
            assertThat(files).as("records and no drafts left").containsExactly(executions.resolve("run-1.json"));
        }
    }

    @Test
    void runningRecordOfAnExitedProcess_isAlreadyExisting_andRunsNothing() throws Exception {
        Files.writeString(executions.resolve("run-1.json"), runningRecordOfAnExitedProcess("{\"fail\": false}"));
        LocalStepFunctions stepFunctions = stepFunctions();

        StartOutcome outcome = stepFunctions.start("run-1", "{\"fail\": false}");

        assertThat(outcome).isEqualTo(StartOutcome.ALREADY_EXISTS);
        assertThat(workInputs).isEmpty();
    }

    @Test
    void runnerExitingMidRun_failsTheWaitWithAbandonedExecution() throws Exception {
        LocalStepFunctions running = heldStepFunctions();
        LocalStepFunctions redelivery = heldStepFunctions();
        startHeld(running, "{\"fail\": false}");
        redelivery.start("run-1", "{\"fail\": false}");

        // What a process killed mid-run leaves: its record RUNNING, and no process of its pid and start time.
        Files.writeString(executions.resolve("run-1.json"), runningRecordOfAnExitedProcess("{\"fail\": false}"));

        assertThatThrownBy(() -> redelivery.result("run-1"))
                .isInstanceOf(AbandonedExecutionException.class)
                .hasMessageContaining("run-1");
    }

    private static String runningRecordOfAnExitedProcess(String input) throws Exception {
        ObjectNode record = JSON.createObjectNode().put("status", "RUNNING");
        record.set("input", json(input));
        // This process's pid with another start time: the process that had the pid before, long exited.
        record.set("runner", JSON.createObjectNode()
                .put("pid", ProcessHandle.current().pid())
                .put("processStart", "2000-01-01T00:00:00Z"));
        return JSON.writeValueAsString(record);
    }

    @Test
    void invalidName_isRejected_andLeavesNoRecord() {
        assertThatThrownBy(() -> stepFunctions().start("incoming/a.csv", "{\"fail\": false}"))
                .isInstanceOf(InvalidExecutionNameException.class);
        assertThat(executions).isEmptyDirectory();
        assertThat(workInputs).isEmpty();
    }

    @Test
    void executionCutShortByAnUnexpectedException_isRecordedAsFailed_andTheExceptionPropagates() throws Exception {
        TaskHandler broken = (resource, parameters, context) -> {
            throw new IllegalStateException("wiring bug");
        };
        LocalStepFunctions stepFunctions = new LocalStepFunctions(AslStateMachine.fromDefinition("test-pipeline",
                TASK_THEN_CHOICE, Map.of()).bind(Map.of(WORK_ARN, broken), ExecutionListener.NONE), executions);

        assertThatThrownBy(() -> stepFunctions.start("run-1", "{\"fail\": false}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("wiring bug");
        assertThat(record("run-1").path("status").asText()).isEqualTo("FAILED");
        assertThat(record("run-1").path("error").asText()).isEqualTo("IllegalStateException");
        assertThat(stepFunctions.result("run-1")).hasValueSatisfying(result ->
                assertThat(result.cause()).isEqualTo("wiring bug"));
    }
}
