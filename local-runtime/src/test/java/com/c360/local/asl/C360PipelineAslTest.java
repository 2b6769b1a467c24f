package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.asl.AslFixtures.RecordingSleeper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the real state machine definition, the one CDK deploys, against fake AWS integrations. */
class C360PipelineAslTest {

  private static final Path ASL_FILE = Path.of("..", "statemachine", "c360-pipeline.asl.json");
  private static final String GLUE_SYNC = "arn:aws:states:::glue:startJobRun.sync";
  private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  private static final String SNS_PUBLISH = "arn:aws:states:::sns:publish";
  private static final String UPSERT_ARN = "arn:aws:lambda:ap-southeast-2:123456789012:function:c360-upsert";
  private static final String TOPIC_ARN = "arn:aws:sns:ap-southeast-2:123456789012:c360-alerts";
  private static final Map<String, String> SUBSTITUTIONS = Map.of(
      "BronzeToSilverJobName", "c360-bronze-to-silver",
      "SilverToGoldJobName", "c360-silver-to-gold",
      "GoldToRdsJobName", "c360-gold-to-rds",
      "UpsertFunctionArn", UPSERT_ARN,
      "AlertTopicArn", TOPIC_ARN);
  private static final String EXECUTION_NAME = "c360-2024-05-01-9f86d081884c7d65";
  private static final String UPLOAD_ORDER = "001714521600000-0055B8B1D5C4D2B1A700000000000000";
  private static final String INPUT = """
      {"bucket": "c360-bronze", "key": "incoming/purchases_2024-05-01.csv", "versionId": "v-3HL4kqtJlcp",
       "ingestionDate": "2024-05-01", "uploadOrder": "%s"}""".formatted(UPLOAD_ORDER);

  private final FakeGlue glue = new FakeGlue();
  private final List<JsonNode> lambdaCalls = new ArrayList<>();
  private final Deque<String> lambdaErrors = new ArrayDeque<>();
  private final List<JsonNode> snsCalls = new ArrayList<>();
  private final Deque<String> snsErrors = new ArrayDeque<>();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private AslInterpreter pipeline;

  @BeforeEach
  void bindRealDefinitionToFakes() throws Exception {
    TaskHandler lambda = (resource, parameters, context) -> {
      lambdaCalls.add(parameters);
      if (!lambdaErrors.isEmpty()) {
        throw new TaskFailedException(lambdaErrors.pop(), "{\"errorMessage\": \"connection reset\"}");
      }
      return json("""
          {"StatusCode": 200, "ExecutedVersion": "$LATEST",
           "Payload": {"runId": "%s", "customersUpserted": 3, "alreadyApplied": false}}"""
          .formatted(parameters.path("Payload").path("runId").asText()));
    };
    TaskHandler sns = (resource, parameters, context) -> {
      snsCalls.add(parameters);
      if (!snsErrors.isEmpty()) {
        throw new TaskFailedException(snsErrors.pop(), "topic unavailable");
      }
      return json("{\"MessageId\": \"m-1\"}");
    };
    pipeline = AslStateMachine.load(ASL_FILE, SUBSTITUTIONS)
        .bind(Map.of(GLUE_SYNC, glue, LAMBDA_INVOKE, lambda, SNS_PUBLISH, sns), ExecutionListener.NONE, sleeper,
            AslFixtures.FIXED_CLOCK);
  }

  @Test
  void happyPath_runsThreeJobsInOrderThenUpsert_andRecordsEachStage() throws Exception {
    ExecutionResult result = pipeline.start(EXECUTION_NAME, json(INPUT));

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.visitedStates())
        .containsExactly("BronzeToSilver", "SilverToGold", "GoldToRds", "UpsertSummary", "Succeeded");
    assertThat(glue.runs).containsExactly(
        json("""
            {"JobName": "c360-bronze-to-silver", "Arguments": {
              "--source_bucket": "c360-bronze", "--source_key": "incoming/purchases_2024-05-01.csv",
              "--source_version": "v-3HL4kqtJlcp", "--upload_order": "%s", "--ingestion_date": "2024-05-01",
              "--run_id": "c360-2024-05-01-9f86d081884c7d65"}}""".formatted(UPLOAD_ORDER)),
        json("""
            {"JobName": "c360-silver-to-gold", "Arguments": {
              "--ingestion_date": "2024-05-01", "--source_key": "incoming/purchases_2024-05-01.csv",
              "--upload_order": "%s", "--run_id": "c360-2024-05-01-9f86d081884c7d65"}}""".formatted(UPLOAD_ORDER)),
        json("""
            {"JobName": "c360-gold-to-rds", "Arguments": {
              "--ingestion_date": "2024-05-01", "--run_id": "c360-2024-05-01-9f86d081884c7d65"}}"""));
    assertThat(lambdaCalls).containsExactly(json("""
        {"FunctionName": "%s",
         "Payload": {"runId": "c360-2024-05-01-9f86d081884c7d65", "ingestionDate": "2024-05-01"}}"""
        .formatted(UPSERT_ARN)));
    assertThat(snsCalls).isEmpty();
    ObjectNode expectedOutput = (ObjectNode) json(INPUT);
    expectedOutput.set("stages", json("""
        {"bronzeToSilver": {"JobRunId": "jr_1", "ExecutionTime": 41},
         "silverToGold": {"JobRunId": "jr_2", "ExecutionTime": 42},
         "goldToRds": {"JobRunId": "jr_3", "ExecutionTime": 43},
         "upsert": {"customersUpserted": 3, "alreadyApplied": false}}"""));
    assertThat(result.output()).isEqualTo(expectedOutput);
  }

  @Test
  void glueJobFailure_notifiesWithTheError_andFailsAsPipelineFailed_withTheErrorWholeInTheCause() throws Exception {
    String cause = "{\"JobRunState\": \"FAILED\", \"ErrorMessage\": \"AnalysisException: path does not exist\"}";
    glue.failNextRunsOf("c360-silver-to-gold", "States.TaskFailed", cause);

    ExecutionResult result = pipeline.start(EXECUTION_NAME, json(INPUT));

    assertThat(result.visitedStates())
        .containsExactly("BronzeToSilver", "SilverToGold", "NotifyFailure", "DescribeFailure", "PipelineFailed");
    assertThat(sleeper.delays).as("States.TaskFailed is not among the Glue retriable errors").isEmpty();
    assertThat(glue.runs).extracting(run -> run.path("JobName").asText())
        .containsExactly("c360-bronze-to-silver", "c360-silver-to-gold");
    assertThat(snsCalls).containsExactly(json("""
        {"TopicArn": "%s", "Subject": "c360 pipeline failed",
         "Message": {"execution": "arn:aws:states:local:000000000000:execution:c360-pipeline:%s",
                     "bucket": "c360-bronze", "key": "incoming/purchases_2024-05-01.csv",
                     "ingestionDate": "2024-05-01",
                     "error": {"Error": "States.TaskFailed", "Cause": %s}}}"""
        .formatted(TOPIC_ARN, EXECUTION_NAME, TextNode.valueOf(cause))));
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("c360.PipelineFailed");
    assertThat(json(result.cause())).isEqualTo(json("{\"Error\": \"States.TaskFailed\", \"Cause\": %s}"
        .formatted(TextNode.valueOf(cause))));
  }

  @Test
  void alertFailingAfterItsRetries_stillFailsAsPipelineFailed_withOriginalAndAlertErrorsInTheCause()
      throws Exception {
    glue.failNextRunsOf("c360-gold-to-rds", "States.TaskFailed", "job crashed");
    for (int attempt = 0; attempt < 4; attempt++) {
      snsErrors.push("SNS.AuthorizationErrorException");
    }

    ExecutionResult result = pipeline.start(EXECUTION_NAME, json(INPUT));

    assertThat(snsCalls).as("the first publish and its three retries").hasSize(4);
    assertThat(result.visitedStates()).endsWith("NotifyFailure", "DescribeFailure", "PipelineFailed");
    assertThat(result.error()).isEqualTo("c360.PipelineFailed");
    assertThat(json(result.cause())).isEqualTo(json("""
        {"Error": "States.TaskFailed", "Cause": "job crashed",
         "AlertError": {"Error": "SNS.AuthorizationErrorException", "Cause": "topic unavailable"}}"""));
  }

  @Test
  void noFailStateRaisesAnErrorNameReservedForTheService() throws Exception {
    JsonNode states = AslFixtures.MAPPER.readTree(ASL_FILE.toFile()).path("States");
    List<JsonNode> failStates = new ArrayList<>();
    states.forEach(state -> {
      if ("Fail".equals(state.path("Type").asText())) {
        failStates.add(state);
      }
    });

    assertThat(failStates).isNotEmpty().allSatisfy(fail -> {
      assertThat(fail.has("ErrorPath")).as("ErrorPath could re-raise a caught States.* name").isFalse();
      assertThat(fail.path("Error").asText()).startsWith("c360.");
    });
  }

  @Test
  void concurrentRunsExceeded_isRetriedAfter30Then60Seconds_thenSucceeds() throws Exception {
    glue.failNextRunsOf("c360-bronze-to-silver", "Glue.ConcurrentRunsExceededException", "too many runs", 2);

    ExecutionResult result = pipeline.start(EXECUTION_NAME, json(INPUT));

    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60));
    assertThat(glue.runs).extracting(run -> run.path("JobName").asText()).containsExactly(
        "c360-bronze-to-silver", "c360-bronze-to-silver", "c360-bronze-to-silver",
        "c360-silver-to-gold", "c360-gold-to-rds");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void concurrentRunsExceeded_afterFiveRetries_isCaughtNotifiedAndFailsExecution() throws Exception {
    glue.failNextRunsOf("c360-gold-to-rds", "Glue.ConcurrentRunsExceededException", "too many runs", 6);

    ExecutionResult result = pipeline.start(EXECUTION_NAME, json(INPUT));

    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(120), Duration.ofSeconds(240), Duration.ofSeconds(480));
    assertThat(snsCalls).singleElement()
        .satisfies(message -> assertThat(message.at("/Message/error/Error").asText())
            .isEqualTo("Glue.ConcurrentRunsExceededException"));
    assertThat(result.error()).isEqualTo("c360.PipelineFailed");
    assertThat(json(result.cause()).path("Error").asText()).isEqualTo("Glue.ConcurrentRunsExceededException");
    assertThat(lambdaCalls).isEmpty();
  }

  @Test
  void transientDatabaseFailureInUpsert_isRetriedAfter2Then4Seconds() throws Exception {
    // A Java Lambda's unhandled exception reaches Step Functions with its fully qualified class name as the error.
    lambdaErrors.push("com.c360.lambda.db.TransientDatabaseException");
    lambdaErrors.push("com.c360.lambda.db.TransientDatabaseException");

    ExecutionResult result = pipeline.start(EXECUTION_NAME, json(INPUT));

    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(lambdaCalls).hasSize(3);
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  /** Stands in for glue:startJobRun.sync: records each run and returns a finished JobRun, or fails as scripted. */
  private static final class FakeGlue implements TaskHandler {
    final List<JsonNode> runs = new ArrayList<>();
    private final Map<String, Deque<TaskFailedException>> failuresByJob = new HashMap<>();
    private int successfulRuns;

    void failNextRunsOf(String jobName, String error, String cause) {
      failNextRunsOf(jobName, error, cause, 1);
    }

    void failNextRunsOf(String jobName, String error, String cause, int times) {
      Deque<TaskFailedException> failures = failuresByJob.computeIfAbsent(jobName, name -> new ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        failures.add(new TaskFailedException(error, cause));
      }
    }

    @Override
    public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException {
      runs.add(parameters);
      String jobName = parameters.path("JobName").asText();
      TaskFailedException failure = failuresByJob.getOrDefault(jobName, new ArrayDeque<>()).poll();
      if (failure != null) {
        throw failure;
      }
      successfulRuns++;
      return json("""
          {"Id": "jr_%d", "JobName": "%s", "JobRunState": "SUCCEEDED", "ExecutionTime": %d}"""
          .formatted(successfulRuns, jobName, 40 + successfulRuns));
    }
  }
}
