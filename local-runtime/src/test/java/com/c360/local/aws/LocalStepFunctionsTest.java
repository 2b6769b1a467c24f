package com.c360.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.lambda.trigger.ExecutionStarter.StartOutcome;
import com.c360.local.asl.AslStateMachine;
import com.c360.local.asl.ExecutionListener;
import com.c360.local.asl.TaskHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStepFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    /** The input of every task invocation, across all Step Functions instances of a test. */
    private final List<JsonNode> workInputs = new ArrayList<>();

    private LocalStepFunctions stepFunctions() {
        TaskHandler work = (resource, parameters, context) -> {
            workInputs.add(parameters);
            return JSON.createObjectNode().put("done", true);
        };
        return new LocalStepFunctions(AslStateMachine.fromDefinition("test-pipeline", TASK_THEN_CHOICE, Map.of())
                .bind(Map.of(WORK_ARN, work), ExecutionListener.NONE), executions);
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
    void redeliveryWhileTheExecutionStillRuns_isAlreadyExisting() throws Exception {
        List<StartOutcome> redeliveries = new ArrayList<>();
        AtomicReference<LocalStepFunctions> stepFunctions = new AtomicReference<>();
        TaskHandler redeliverDuringWork = (resource, parameters, context) -> {
            redeliveries.add(stepFunctions.get().start(context.executionName(), "{\"fail\": false}"));
            return JSON.createObjectNode();
        };
        stepFunctions.set(new LocalStepFunctions(AslStateMachine.fromDefinition("test-pipeline", TASK_THEN_CHOICE,
                Map.of()).bind(Map.of(WORK_ARN, redeliverDuringWork), ExecutionListener.NONE), executions));

        StartOutcome outcome = stepFunctions.get().start("run-1", "{\"fail\": false}");

        assertThat(outcome).isEqualTo(StartOutcome.STARTED);
        assertThat(redeliveries).containsExactly(StartOutcome.ALREADY_EXISTS);
        assertThat(stepFunctions.get().result("run-1")).hasValueSatisfying(result ->
                assertThat(result.succeeded()).isTrue());
    }
}
