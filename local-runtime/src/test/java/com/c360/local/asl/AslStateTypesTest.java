package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.asl.AslFixtures.RecordingSleeper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AslStateTypesTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private ExecutionResult run(String definition, String input) throws InterruptedException {
    return AslFixtures.machine(definition)
        .bind(Map.of(), ExecutionListener.NONE, sleeper, AslFixtures.FIXED_CLOCK)
        .start("states-run", json(input));
  }

  @Test
  void pass_withResultAndResultPath_addsResultToInput() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Add", "States": {
          "Add": {"Type": "Pass", "Result": {"x.$": "not a path in Result"}, "ResultPath": "$.added", "End": true}}}
        """, "{\"in\": 1}");

    assertThat(result.output()).isEqualTo(json("{\"in\": 1, \"added\": {\"x.$\": \"not a path in Result\"}}"));
  }

  @Test
  void pass_withParametersAndNoResult_passesParametersOn() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Shape", "States": {
          "Shape": {"Type": "Pass", "Parameters": {"renamed.$": "$.original"}, "End": true}}}""",
        "{\"original\": \"v\"}");

    assertThat(result.output()).isEqualTo(json("{\"renamed\": \"v\"}"));
  }

  @Test
  void waitSeconds_sleepsThatLong_andPassesInputOn() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 7, "End": true}}}""", "{\"a\": 1}");

    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(7));
    assertThat(result.output()).isEqualTo(json("{\"a\": 1}"));
  }

  @Test
  void waitSecondsPath_sleepsTheNumberFoundInInput() throws Exception {
    run("""
        {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "SecondsPath": "$.delay", "End": true}}}""",
        "{\"delay\": 12}");

    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void waitSecondsPath_selectingNegativeNumber_failsWithStatesRuntime() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "SecondsPath": "$.delay", "End": true}}}""",
        "{\"delay\": -1}");

    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void fail_withErrorAndCause_failsExecutionWithThem() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Stop", "States": {"Stop": {"Type": "Fail", "Error": "My.Error", "Cause": "because"}}}""",
        "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("My.Error");
    assertThat(result.cause()).isEqualTo("because");
    assertThat(result.visitedStates()).containsExactly("Stop");
  }

  @Test
  void fail_withErrorPathAndCausePath_readsThemFromInput() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Stop", "States": {"Stop": {"Type": "Fail", "ErrorPath": "$.error.Error",
                                                "CausePath": "$.error.Cause"}}}""",
        "{\"error\": {\"Error\": \"Glue.Failed\", \"Cause\": \"job died\"}}");

    assertThat(result.error()).isEqualTo("Glue.Failed");
    assertThat(result.cause()).isEqualTo("job died");
  }

  @Test
  void fail_withErrorPathSelectingNonString_failsWithStatesRuntime() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Stop", "States": {"Stop": {"Type": "Fail", "ErrorPath": "$.error"}}}""",
        "{\"error\": {\"nested\": true}}");

    assertThat(result.error()).isEqualTo("States.Runtime");
  }

  @Test
  void succeed_appliesInputPathAndOutputPath() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Done", "States": {"Done": {"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}}}""",
        "{\"a\": {\"b\": [1]}}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output()).isEqualTo(json("[1]"));
  }

  @Test
  void states_runInNextOrder_recordingEveryVisit() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "One", "States": {
          "One": {"Type": "Pass", "Next": "Two"},
          "Two": {"Type": "Pass", "Next": "Three"},
          "Three": {"Type": "Succeed"}}}""", "{}");

    assertThat(result.visitedStates()).containsExactly("One", "Two", "Three");
  }
}
