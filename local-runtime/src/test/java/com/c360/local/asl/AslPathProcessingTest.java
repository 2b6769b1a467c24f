package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static com.c360.local.asl.AslFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.asl.AslFixtures.RecordingSleeper;
import com.c360.local.asl.AslFixtures.ScriptedTask;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AslPathProcessingTest {

  private static String singleTask(String taskFields) {
    return """
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work",
        %s "End": true}}}""".formatted(taskFields);
  }

  @Test
  void parameters_resolvePathsNestedTemplatesAndContextObject_againstInputPathSelection() throws Exception {
    ScriptedTask task = ScriptedTask.returning("{}");
    String definition = singleTask("""
        "InputPath": "$.payload",
        "Parameters": {
          "literal": "kept as is",
          "orderId.$": "$.order.id",
          "nested": {"firstItem.$": "$.items[0]", "quoted.$": "$['odd key']"},
          "list": [{"state.$": "$$.State.Name"}, 7],
          "executionName.$": "$$.Execution.Name",
          "executionId.$": "$$.Execution.Id",
          "startTime.$": "$$.Execution.StartTime",
          "enteredTime.$": "$$.State.EnteredTime",
          "stateMachine.$": "$$.StateMachine.Name",
          "originalInput.$": "$$.Execution.Input.requestId"
        },""");

    run(definition, task, new RecordingSleeper(),
        """
        {"requestId": "r-1", "payload": {"order": {"id": 42}, "items": ["a", "b"], "odd key": true}}""");

    assertThat(task.invocations.get(0).parameters()).isEqualTo(json("""
        {"literal": "kept as is",
         "orderId": 42,
         "nested": {"firstItem": "a", "quoted": true},
         "list": [{"state": "Work"}, 7],
         "executionName": "test-execution",
         "executionId": "arn:aws:states:local:000000000000:execution:test-machine:test-execution",
         "startTime": "2024-05-01T10:15:30.123Z",
         "enteredTime": "2024-05-01T10:15:30.123Z",
         "stateMachine": "test-machine",
         "originalInput": "r-1"}"""));
  }

  @Test
  void noInputPathOrParameters_passesWholeStateInputToTask() throws Exception {
    ScriptedTask task = ScriptedTask.returning("{}");

    run(singleTask(""), task, new RecordingSleeper(), "{\"a\": [1, 2]}");

    assertThat(task.invocations.get(0).parameters()).isEqualTo(json("{\"a\": [1, 2]}"));
  }

  @Test
  void resultSelectorAndNestedResultPath_mergeReshapedResultIntoRawInput_creatingMissingObjects() throws Exception {
    String definition = singleTask("""
        "InputPath": "$.ignoredForMerge",
        "ResultSelector": {"id.$": "$.Id", "fixed": 1},
        "ResultPath": "$.stages.first.result",""");

    ExecutionResult result = run(definition, ScriptedTask.returning("{\"Id\": \"jr_1\", \"Noise\": true}"),
        new RecordingSleeper(), "{\"ignoredForMerge\": {}, \"stages\": {\"earlier\": 0}}");

    assertThat(result.output()).isEqualTo(json("""
        {"ignoredForMerge": {},
         "stages": {"earlier": 0, "first": {"result": {"id": "jr_1", "fixed": 1}}}}"""));
  }

  @Test
  void resultPathRoot_replacesInputWithResult() throws Exception {
    ExecutionResult result = run(singleTask("\"ResultPath\": \"$\","), ScriptedTask.returning("{\"r\": 1}"),
        new RecordingSleeper(), "{\"input\": 1}");

    assertThat(result.output()).isEqualTo(json("{\"r\": 1}"));
  }

  @Test
  void resultPathNull_discardsResultAndPassesRawInputOn() throws Exception {
    String definition = singleTask("\"InputPath\": \"$.part\", \"ResultPath\": null,");

    ExecutionResult result = run(definition, ScriptedTask.returning("{\"r\": 1}"), new RecordingSleeper(),
        "{\"part\": {\"x\": 1}, \"other\": 2}");

    assertThat(result.output()).isEqualTo(json("{\"part\": {\"x\": 1}, \"other\": 2}"));
  }

  @Test
  void outputPath_selectsFromMergedInputAndResult() throws Exception {
    String definition = singleTask("\"ResultPath\": \"$.result\", \"OutputPath\": \"$.result.value\",");

    ExecutionResult result = run(definition, ScriptedTask.returning("{\"value\": [3]}"), new RecordingSleeper(),
        "{\"input\": 1}");

    assertThat(result.output()).isEqualTo(json("[3]"));
  }

  @Test
  void nullInputPathAndOutputPath_giveEmptyObjects() throws Exception {
    ScriptedTask task = ScriptedTask.returning("{\"r\": 1}");

    ExecutionResult result = run(singleTask("\"InputPath\": null, \"OutputPath\": null,"), task,
        new RecordingSleeper(), "{\"input\": 1}");

    assertThat(task.invocations.get(0).parameters()).isEqualTo(json("{}"));
    assertThat(result.output()).isEqualTo(json("{}"));
  }

  @Test
  void parameterPathMatchingNothing_failsExecutionWithStatesRuntime_notCaughtByStatesAll() throws Exception {
    ScriptedTask task = ScriptedTask.returning("{}");
    String definition = """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work",
                   "Parameters": {"x.$": "$.missing"},
                   "Retry": [{"ErrorEquals": ["States.ALL"]}],
                   "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": true},
          "Handled": {"Type": "Succeed"}}}""";

    ExecutionResult result = run(definition, task, new RecordingSleeper(), "{\"present\": 1}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(result.cause()).contains("$.missing").contains("x.$");
    assertThat(result.visitedStates()).containsExactly("Work");
    assertThat(task.invocations).isEmpty();
  }

  @Test
  void resultSelectorPathMatchingNothing_failsExecutionWithStatesRuntime() throws Exception {
    String definition = singleTask("\"ResultSelector\": {\"id.$\": \"$.Id\"},");

    ExecutionResult result = run(definition, ScriptedTask.returning("{\"NoId\": 1}"), new RecordingSleeper(), "{}");

    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(result.cause()).contains("$.Id");
  }

  @Test
  void inputPathMatchingNothing_failsExecutionWithStatesRuntime() throws Exception {
    ExecutionResult result = run(singleTask("\"InputPath\": \"$.a[3]\","), ScriptedTask.returning("{}"),
        new RecordingSleeper(), "{\"a\": [0]}");

    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(result.cause()).contains("InputPath").contains("$.a[3]");
  }

  @Test
  void resultPathThroughNonObject_failsWithResultPathMatchFailure() throws Exception {
    ExecutionResult result = run(singleTask("\"ResultPath\": \"$.a.b\","), ScriptedTask.returning("{}"),
        new RecordingSleeper(), "{\"a\": \"text\"}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("States.ResultPathMatchFailure");
  }

  @Test
  void executionInput_isNotModifiedByTheRun() throws Exception {
    JsonNode input = json("{\"a\": {}}");

    AslFixtures.machine(singleTask("\"ResultPath\": \"$.a.b\","))
        .bind(Map.of(AslFixtures.TASK_ARN, ScriptedTask.returning("1")), ExecutionListener.NONE,
            new RecordingSleeper(), AslFixtures.FIXED_CLOCK)
        .start("run", input);

    assertThat(input).isEqualTo(json("{\"a\": {}}"));
  }
}
