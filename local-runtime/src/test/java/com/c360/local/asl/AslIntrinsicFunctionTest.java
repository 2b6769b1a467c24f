package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AslIntrinsicFunctionTest {

  private static ExecutionResult run(String definition, String input) throws InterruptedException {
    return AslFixtures.machine(definition)
        .bind(Map.of(), ExecutionListener.NONE, new AslFixtures.RecordingSleeper(), AslFixtures.FIXED_CLOCK)
        .start("intrinsic-run", json(input));
  }

  private static String passWithParameters(String parameters) {
    return """
        {"StartAt": "Describe", "States": {
          "Describe": {"Type": "Pass", "Parameters": %s, "ResultPath": "$.described", "End": true}}}"""
        .formatted(parameters);
  }

  @Test
  void jsonToString_ofCaughtError_isCompactJsonInFieldOrder_withCauseEscapedWhole() throws Exception {
    ExecutionResult result = run(passWithParameters("{\"cause.$\": \"States.JsonToString($.error)\"}"), """
        {"error": {"Error": "States.TaskFailed", "Cause": "{\\"JobRunState\\": \\"FAILED\\"}\\nline 2"}}""");

    assertThat(result.output().at("/described/cause").textValue())
        .isEqualTo("{\"Error\":\"States.TaskFailed\",\"Cause\":\"{\\\"JobRunState\\\": \\\"FAILED\\\"}\\nline 2\"}");
  }

  @Test
  void jsonToString_ofContextObjectPath_rendersThatValue() throws Exception {
    ExecutionResult result = run(passWithParameters("{\"name.$\": \"States.JsonToString($$.Execution.Name)\"}"),
        "{}");

    assertThat(result.output().at("/described/name").textValue()).isEqualTo("\"intrinsic-run\"");
  }

  @Test
  void jsonToString_ofMissingPath_failsTheExecutionWithStatesRuntime() throws Exception {
    ExecutionResult result = run(passWithParameters("{\"cause.$\": \"States.JsonToString($.error)\"}"), "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(result.cause()).contains("'$.error'", "States.JsonToString($.error)");
  }

  @Test
  void otherIntrinsicFunction_isRejectedAtLoad_namingTheOneSupported() {
    InvalidDefinitionException rejection = catchThrowableOfType(InvalidDefinitionException.class,
        () -> AslFixtures.machine(passWithParameters("{\"msg.$\": \"States.Format('run {}', $.id)\"}")));

    assertThat(rejection.problems()).containsExactly("State 'Describe', field 'Parameters.msg.$': intrinsic "
        + "function 'States.Format('run {}', $.id)' is not supported by the local interpreter (it supports "
        + "States.JsonToString only)");
  }

  @Test
  void jsonToString_withLiteralArgument_isRejectedAtLoad() {
    InvalidDefinitionException rejection = catchThrowableOfType(InvalidDefinitionException.class,
        () -> AslFixtures.machine(passWithParameters("{\"msg.$\": \"States.JsonToString('text')\"}")));

    assertThat(rejection.problems()).containsExactly("State 'Describe', field 'Parameters.msg.$': "
        + "States.JsonToString takes one path argument, not ''text''");
  }
}
