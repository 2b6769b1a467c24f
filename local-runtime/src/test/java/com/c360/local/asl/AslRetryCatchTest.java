package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static com.c360.local.asl.AslFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.asl.AslFixtures.Invocation;
import com.c360.local.asl.AslFixtures.RecordingSleeper;
import com.c360.local.asl.AslFixtures.ScriptedTask;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AslRetryCatchTest {

  /** A Task followed by Done; the catch targets Handle and Other exist only when referenced (all must be reachable). */
  private static String taskWith(String retry, String catchers) {
    StringBuilder catchTargets = new StringBuilder();
    for (String target : List.of("Handle", "Other")) {
      if (catchers.contains('"' + target + '"')) {
        catchTargets.append(", \"%s\": {\"Type\": \"Pass\", \"End\": true}".formatted(target));
      }
    }
    return """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work",
                   "Retry": %s, "Catch": %s, "Next": "Done"},
          "Done": {"Type": "Succeed"}%s}}""".formatted(retry, catchers, catchTargets);
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  @Test
  void retry_waitsIntervalTimesBackoffPowers_thenSucceeds() throws Exception {
    ScriptedTask task = new ScriptedTask(json("{\"ok\": true}"), "Flaky", "Flaky", "Flaky", "Flaky");
    RecordingSleeper sleeper = new RecordingSleeper();
    String definition = taskWith(
        "[{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 3, \"BackoffRate\": 1.5, \"MaxAttempts\": 4}]", "[]");

    ExecutionResult result = run(definition, task, sleeper, "{}");

    // 3 s × 1.5^n for n = 0..3
    assertThat(sleeper.delays).containsExactly(seconds(3), seconds(4.5), seconds(6.75), seconds(10.125));
    assertThat(task.invocations).extracting(invocation -> invocation.context().retryCount())
        .containsExactly(0, 1, 2, 3, 4);
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output()).isEqualTo(json("{\"ok\": true}"));
  }

  @Test
  void retry_capsDelayAtMaxDelaySeconds_andFailsExecutionWhenAttemptsRunOut() throws Exception {
    List<Invocation> invocations = new ArrayList<>();
    RecordingSleeper sleeper = new RecordingSleeper();
    String definition = taskWith("""
        [{"ErrorEquals": ["Busy"], "IntervalSeconds": 10, "BackoffRate": 3, "MaxAttempts": 4,
          "MaxDelaySeconds": 50}]""", "[]");

    ExecutionResult result = run(definition, ScriptedTask.alwaysFailing("Busy", invocations), sleeper, "{}");

    // 10, 30, then 90 and 270 capped to 50
    assertThat(sleeper.delays).containsExactly(seconds(10), seconds(30), seconds(50), seconds(50));
    assertThat(invocations).hasSize(5);
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("Busy");
    assertThat(result.cause()).isEqualTo("cause of Busy");
    assertThat(result.output()).isNull();
  }

  @Test
  void retrierWithOnlyErrorEquals_usesDefaultsOfOneSecondBackoffTwoAndThreeAttempts() throws Exception {
    List<Invocation> invocations = new ArrayList<>();
    RecordingSleeper sleeper = new RecordingSleeper();

    run(taskWith("[{\"ErrorEquals\": [\"Busy\"]}]", "[]"), ScriptedTask.alwaysFailing("Busy", invocations),
        sleeper, "{}");

    assertThat(sleeper.delays).containsExactly(seconds(1), seconds(2), seconds(4));
    assertThat(invocations).hasSize(4);
  }

  @Test
  void maxAttemptsZero_neverRetries_andFallsThroughToCatch() throws Exception {
    List<Invocation> invocations = new ArrayList<>();
    RecordingSleeper sleeper = new RecordingSleeper();
    String definition = taskWith("[{\"ErrorEquals\": [\"Busy\"], \"MaxAttempts\": 0}]",
        "[{\"ErrorEquals\": [\"Busy\"], \"Next\": \"Handle\"}]");

    ExecutionResult result = run(definition, ScriptedTask.alwaysFailing("Busy", invocations), sleeper, "{}");

    assertThat(sleeper.delays).isEmpty();
    assertThat(invocations).hasSize(1);
    assertThat(result.visitedStates()).containsExactly("Work", "Handle");
  }

  @Test
  void eachRetrierCountsItsOwnAttempts_andOnlyTheFirstMatchingRetrierApplies() throws Exception {
    ScriptedTask task = ScriptedTask.failingWith("ErrorA", "ErrorB", "ErrorA");
    RecordingSleeper sleeper = new RecordingSleeper();
    String definition = taskWith("""
        [{"ErrorEquals": ["ErrorA"], "IntervalSeconds": 1, "MaxAttempts": 1},
         {"ErrorEquals": ["ErrorB", "ErrorA"], "IntervalSeconds": 5, "MaxAttempts": 5}]""", "[]");

    ExecutionResult result = run(definition, task, sleeper, "{}");

    // ErrorA uses its single retry, ErrorB one of its own; the second ErrorA finds the first retrier spent.
    assertThat(sleeper.delays).containsExactly(seconds(1), seconds(5));
    assertThat(result.error()).isEqualTo("ErrorA");
    assertThat(task.invocations).hasSize(3);
  }

  @Test
  void catch_routesToFirstMatchingCatcher_withErrorObjectAtItsResultPath() throws Exception {
    String definition = taskWith("[]", """
        [{"ErrorEquals": ["Unrelated"], "Next": "Other"},
         {"ErrorEquals": ["Custom.Failure"], "ResultPath": "$.failure", "Next": "Handle"}]""");

    ExecutionResult result = run(definition, ScriptedTask.failingWith("Custom.Failure"), new RecordingSleeper(),
        "{\"keep\": 1}");

    assertThat(result.visitedStates()).containsExactly("Work", "Handle");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output()).isEqualTo(json("""
        {"keep": 1, "failure": {"Error": "Custom.Failure", "Cause": "cause of Custom.Failure"}}"""));
  }

  @Test
  void catchWithoutResultPath_replacesInputWithErrorObject() throws Exception {
    String definition = taskWith("[]", "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Handle\"}]");

    ExecutionResult result = run(definition, ScriptedTask.failingWith("Boom"), new RecordingSleeper(),
        "{\"keep\": 1}");

    assertThat(result.output()).isEqualTo(json("{\"Error\": \"Boom\", \"Cause\": \"cause of Boom\"}"));
  }

  @Test
  void statesTaskFailed_matchesAnyTaskError() throws Exception {
    String definition = taskWith("[]", "[{\"ErrorEquals\": [\"States.TaskFailed\"], \"Next\": \"Handle\"}]");

    ExecutionResult result = run(definition, ScriptedTask.failingWith("Glue.SomethingElse"),
        new RecordingSleeper(), "{}");

    assertThat(result.visitedStates()).containsExactly("Work", "Handle");
  }

  @Test
  void statesTaskFailed_doesNotMatchStatesTimeout_butStatesAllDoes() throws Exception {
    String taskFailedOnly = taskWith("[]", "[{\"ErrorEquals\": [\"States.TaskFailed\"], \"Next\": \"Handle\"}]");
    String catchAll = taskWith("[]", "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Handle\"}]");

    ExecutionResult notCaught = run(taskFailedOnly, ScriptedTask.failingWith("States.Timeout"),
        new RecordingSleeper(), "{}");
    ExecutionResult caught = run(catchAll, ScriptedTask.failingWith("States.Timeout"), new RecordingSleeper(), "{}");

    assertThat(notCaught.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(notCaught.error()).isEqualTo("States.Timeout");
    assertThat(caught.visitedStates()).containsExactly("Work", "Handle");
  }

  @Test
  void unmatchedError_isNeitherRetriedNorCaught_andFailsExecution() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    String definition = taskWith("[{\"ErrorEquals\": [\"Busy\"]}]",
        "[{\"ErrorEquals\": [\"Unrelated\"], \"Next\": \"Handle\"}]");

    ExecutionResult result = run(definition, ScriptedTask.failingWith("Unexpected"), sleeper, "{}");

    assertThat(sleeper.delays).isEmpty();
    assertThat(result.error()).isEqualTo("Unexpected");
    assertThat(result.visitedStates()).containsExactly("Work");
  }

  @Test
  void listener_seesStatesRetriesAndTheResult_inOrder() throws Exception {
    List<String> events = new ArrayList<>();
    ExecutionListener listener = new ExecutionListener() {
      @Override
      public void stateEntered(String stateName, JsonNode input) {
        events.add("entered " + stateName);
      }

      @Override
      public void stateExited(String stateName, JsonNode output) {
        events.add("exited " + stateName);
      }

      @Override
      public void taskRetry(String stateName, String error, int retryNumber, Duration delay) {
        events.add("retry " + stateName + " " + error + " #" + retryNumber + " after " + delay.toSeconds() + "s");
      }

      @Override
      public void executionFinished(ExecutionResult result) {
        events.add("finished " + result.status());
      }
    };
    String definition = taskWith("[{\"ErrorEquals\": [\"Busy\"], \"IntervalSeconds\": 2}]", "[]");

    AslFixtures.machine(definition)
        .bind(Map.of(AslFixtures.TASK_ARN, ScriptedTask.failingWith("Busy", "Busy")), listener,
            new RecordingSleeper(), AslFixtures.FIXED_CLOCK)
        .start("run-1", json("{}"));

    assertThat(events).containsExactly(
        "entered Work", "retry Work Busy #1 after 2s", "retry Work Busy #2 after 4s", "exited Work",
        "entered Done", "exited Done", "finished SUCCEEDED");
  }
}
