package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.c360.local.asl.AslFixtures.RecordingSleeper;
import com.c360.local.asl.AslFixtures.ScriptedTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AslDefinitionValidationTest {

  /** A one-Task definition whose Task has {@code extraFields} added. */
  private static String taskWith(String extraFields) {
    return """
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work",
         %s "End": true}}}""".formatted(extraFields);
  }

  private static List<String> problemsOf(String definition) {
    return problemsOf(definition, Map.of());
  }

  private static List<String> problemsOf(String definition, Map<String, String> substitutions) {
    InvalidDefinitionException rejection = catchThrowableOfType(InvalidDefinitionException.class,
        () -> AslStateMachine.fromDefinition("test-machine", definition, substitutions));
    assertThat(rejection).as("rejection of %s", definition).isNotNull();
    assertThat(rejection.getMessage()).contains(rejection.problems());
    return rejection.problems();
  }

  @Test
  void mapState_isRejectedNamingStateAndType() {
    assertThat(problemsOf("""
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemProcessor": {}, "End": true}}}"""))
        .containsExactly("State 'Fan', field 'Type': state type 'Map' is not supported by the local interpreter");
  }

  @Test
  void parallelState_isRejected() {
    assertThat(problemsOf("""
        {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "Branches": [], "End": true}}}"""))
        .containsExactly("State 'Both', field 'Type': state type 'Parallel' is not supported by the local interpreter");
  }

  @Test
  void unknownStateType_isRejected() {
    assertThat(problemsOf("{\"StartAt\": \"X\", \"States\": {\"X\": {\"Type\": \"Sleep\", \"End\": true}}}"))
        .containsExactly("State 'X', field 'Type': 'Sleep' is not a state type");
  }

  @Test
  void intrinsicFunction_inFailCausePath_isRejected() {
    assertThat(problemsOf("""
        {"StartAt": "Stop", "States": {"Stop": {"Type": "Fail", "CausePath": "States.JsonToString($)"}}}"""))
        .singleElement().asString().startsWith("State 'Stop', field 'CausePath': intrinsic function");
  }

  @Test
  void unknownField_isRejectedNamingStateAndField() {
    assertThat(problemsOf(taskWith("\"Retries\": [],")))
        .containsExactly("State 'Work', field 'Retries': is not a field of a Task state");
  }

  @Test
  void realButUnsupportedFields_areRejectedAsNotSupported() {
    assertThat(problemsOf(taskWith("""
        "TimeoutSeconds": 60, "HeartbeatSeconds": 10, "Credentials": {}, "Assign": {},
        "Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL"}],""")))
        .containsExactlyInAnyOrder(
            "State 'Work', field 'TimeoutSeconds': is not supported by the local interpreter",
            "State 'Work', field 'HeartbeatSeconds': is not supported by the local interpreter",
            "State 'Work', field 'Credentials': is not supported by the local interpreter",
            "State 'Work', field 'Assign': is not supported by the local interpreter",
            "State 'Work', field 'Retry[0].JitterStrategy': is not supported by the local interpreter");
  }

  @Test
  void jsonataQueryLanguage_isRejected() {
    assertThat(problemsOf("""
        {"QueryLanguage": "JSONata", "StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}"""))
        .singleElement().asString().startsWith("Definition, field 'QueryLanguage': only JSONPath is supported");
  }

  @Test
  void waitTimestamp_isRejected() {
    assertThat(problemsOf("""
        {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Timestamp": "2024-01-01T00:00:00Z",
         "End": true}}}"""))
        .contains("State 'Pause', field 'Timestamp': is not supported by the local interpreter");
  }

  @Test
  void missingTargets_areRejectedNamingTheFieldThatPointsThere() {
    assertThat(problemsOf("""
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work", "Next": "Nowhere",
                   "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone"}]}}}""")).containsExactlyInAnyOrder(
        "State 'Work', field 'Next': names 'Nowhere', which is not a state",
        "State 'Work', field 'Catch[0].Next': names 'Gone', which is not a state");
  }

  @Test
  void startAtUnknownState_isRejected() {
    assertThat(problemsOf("{\"StartAt\": \"Begin\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}"))
        .containsExactly("Definition, field 'StartAt': names 'Begin', which is not a state");
  }

  @Test
  void unreachableState_isRejected() {
    assertThat(problemsOf("""
        {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}"""))
        .containsExactly("State 'Orphan' is not reachable from StartAt 'Done'");
  }

  @Test
  void statesAll_mustBeAloneAndLast() {
    assertThat(problemsOf(taskWith("""
        "Retry": [{"ErrorEquals": ["States.ALL", "Custom"]}],
        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Work"}, {"ErrorEquals": ["Custom"], "Next": "Work"}],""")))
        .containsExactlyInAnyOrder(
            "State 'Work', field 'Retry[0].ErrorEquals': States.ALL must appear alone in ErrorEquals",
            "State 'Work', field 'Catch[0].ErrorEquals': States.ALL must be in the last entry of Catch");
  }

  @Test
  void retrierFieldsOutOfRange_areRejected() {
    assertThat(problemsOf(taskWith("""
        "Retry": [{"ErrorEquals": [], "IntervalSeconds": 0, "MaxAttempts": -1, "BackoffRate": 0.5,
                   "MaxDelaySeconds": 1.5}],"""))).containsExactlyInAnyOrder(
        "State 'Work', field 'Retry[0].ErrorEquals': must be a non-empty array of error names",
        "State 'Work', field 'Retry[0].IntervalSeconds': must be an integer of at least 1",
        "State 'Work', field 'Retry[0].MaxAttempts': must be an integer of at least 0",
        "State 'Work', field 'Retry[0].BackoffRate': must be a number of at least 1.0",
        "State 'Work', field 'Retry[0].MaxDelaySeconds': must be an integer of at least 1");
  }

  @Test
  void nextAndEndTogether_isRejected() {
    assertThat(problemsOf("""
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A", "End": true}}}"""))
        .containsExactly("State 'A', field 'Next': a state needs exactly one of Next and \"End\": true");
  }

  @Test
  void multiNodePaths_areRejected() {
    assertThat(problemsOf(taskWith("\"Parameters\": {\"ids.$\": \"$.items[*].id\"}, \"OutputPath\": \"$..id\",")))
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).startsWith("State 'Work', field 'Parameters.ids.$': "))
        .anySatisfy(problem -> assertThat(problem).startsWith("State 'Work', field 'OutputPath': "));
  }

  @Test
  void contextObject_isRejectedWhereAwsDisallowsIt_andForFieldsNotProvided() {
    assertThat(problemsOf(taskWith("""
        "ResultPath": "$$.State", "Parameters": {"role.$": "$$.Execution.RoleArn"},""")))
        .containsExactlyInAnyOrder(
            "State 'Work', field 'ResultPath': the context object ($$) cannot be used here",
            "State 'Work', field 'Parameters.role.$': context path '$$.Execution.RoleArn' is not supported: the "
                + "local interpreter provides only $$.Execution.{Id,Name,Input,StartTime}, "
                + "$$.State.{Name,EnteredTime,RetryCount} and $$.StateMachine.{Id,Name}");
  }

  @Test
  void duplicateJsonKeys_areRejected() {
    assertThat(problemsOf(taskWith("\"ResultPath\": \"$.a\", \"ResultPath\": \"$.b\",")))
        .singleElement().asString().contains("not valid JSON").contains("ResultPath");
  }

  @Test
  void leftoverPlaceholder_isRejectedNamingStateAndField() {
    assertThat(problemsOf(taskWith("\"Parameters\": {\"FunctionName\": \"${KnownArn}\", \"Other\": \"${Typo}\"},"),
        Map.of("KnownArn", "arn:aws:lambda:local:000000000000:function:f")))
        .containsExactly("State 'Work', field 'Parameters.Other': placeholder ${Typo} has no substitution");
  }

  @Test
  void dollarBracesThatAreNoPlaceholderName_stayAsText_likeCloudFormation() throws Exception {
    AslStateMachine machine = AslStateMachine.fromDefinition("test-machine", """
        {"Comment": "placeholders ${...} are substituted", "StartAt": "Done",
         "States": {"Done": {"Type": "Pass", "Result": "${not a name}", "End": true}}}""", Map.of());

    ExecutionResult result = machine.bind(Map.of(), ExecutionListener.NONE, new RecordingSleeper(),
        AslFixtures.FIXED_CLOCK).start("run", json("{}"));

    assertThat(result.output()).isEqualTo(json("\"${not a name}\""));
  }

  @Test
  void placeholders_areSubstitutedBeforeParsing() throws Exception {
    ScriptedTask task = ScriptedTask.returning("{}");
    AslStateMachine machine = AslStateMachine.fromDefinition("test-machine",
        taskWith("\"Parameters\": {\"JobName\": \"${JobName}\", \"Label\": \"${JobName}-copy\"},"),
        Map.of("JobName", "c360-bronze-to-silver"));

    machine.bind(Map.of(AslFixtures.TASK_ARN, task), ExecutionListener.NONE, new RecordingSleeper(),
        AslFixtures.FIXED_CLOCK).start("run", json("{}"));

    assertThat(task.invocations.get(0).parameters())
        .isEqualTo(json("{\"JobName\": \"c360-bronze-to-silver\", \"Label\": \"c360-bronze-to-silver-copy\"}"));
  }

  @Test
  void unknownResource_isRejectedWhenBinding() {
    AslStateMachine machine = AslFixtures.machine(taskWith(""));

    assertThatThrownBy(() -> machine.bind(Map.of("arn:aws:states:::other", ScriptedTask.returning("{}")),
        ExecutionListener.NONE))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("State 'Work', field 'Resource': no task handler is registered for "
            + "'arn:aws:states:::test:work' (registered: [arn:aws:states:::other])");
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    assertThat(problemsOf("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Bogus": 1, "Next": "B"},
          "B": {"Type": "Map", "End": true}}}""")).hasSize(2);
  }
}
