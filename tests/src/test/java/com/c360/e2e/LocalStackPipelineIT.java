package com.c360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.c360.lambda.trigger.ExecutionNames;
import com.c360.lambda.trigger.ObjectVersion;
import com.c360.lambda.trigger.StepFunctionsExecutionStarter;
import com.c360.lambda.trigger.TriggerHandler;
import com.c360.lambda.trigger.TriggerResult;
import com.c360.local.LocalLake;
import com.c360.local.RepoLayout;
import com.c360.local.asl.Placeholders;
import com.c360.local.aws.LocalDeployment;
import com.c360.local.aws.LocalLambdaContext;
import com.c360.local.aws.S3Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * The deployed pieces against emulated AWS: an object put into LocalStack's S3, the real {@link TriggerHandler}
 * starting executions through the AWS SDK against LocalStack's Step Functions, and the real ASL file (with the
 * substitutions the local runtime makes) running there. Its Glue, Lambda and SNS tasks are answered by the Step
 * Functions Local mock configuration that LocalStack reads from {@code SFN_MOCK_CONFIG}; a test case is chosen by
 * starting the execution on {@code <state machine ARN>#<test case>}.
 *
 * <p>This adds what the local runtime cannot show (the SDK calls, Step Functions' own name idempotency and its own
 * ASL engine) and is never the only proof of anything: without Docker it reports itself skipped.
 *
 * <p>A failed Glue job run reaches Step Functions as {@code States.TaskFailed}, but LocalStack refuses mocked errors
 * named {@code States.*}, so the mocked failure carries the job run's cause under its own error name.
 */
@ExtendWith(DockerAvailable.class)
@Testcontainers
class LocalStackPipelineIT {
    /** The last LocalStack release that starts without an account token (2026.03 and later need one). */
    private static final DockerImageName LOCALSTACK_IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");
    private static final String MOCK_CONFIG_RESOURCE = "/localstack/c360-pipeline-mock-config.json";
    private static final String MOCK_CONFIG_IN_CONTAINER = "/opt/c360/sfn-mock-config.json";
    private static final String HAPPY_PATH = "HappyPath";
    private static final String BRONZE_TO_SILVER_FAILS = "BronzeToSilverFails";

    private static final String BUCKET = "c360-localstack-bronze";
    /** Only ordering events of one key; the version id, not the sequencer, names the execution here. */
    private static final String EVENT_SEQUENCER = "0055AED6DCD90281E5";
    private static final String PIPELINE_ROLE_ARN = "arn:aws:iam::000000000000:role/c360-localstack-pipeline";
    private static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Pattern SIMPLE_PATH = Pattern.compile("\\$(\\.[A-Za-z0-9_]+)+");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(LOCALSTACK_IMAGE)
            .withCopyToContainer(Transferable.of(mockConfigText()), MOCK_CONFIG_IN_CONTAINER)
            .withEnv("SFN_MOCK_CONFIG", MOCK_CONFIG_IN_CONTAINER);

    private static JsonNode mockConfig;
    private static JsonNode definition;
    private static S3Client s3;
    private static SfnClient stepFunctions;
    private static String stateMachineArn;

    @BeforeAll
    static void createBucketAndStateMachine() throws IOException {
        mockConfig = JSON.readTree(mockConfigText());
        String substituted = Placeholders.substitute(
                Files.readString(RepoLayout.locate().stateMachineDefinition(), StandardCharsets.UTF_8),
                LocalDeployment.definitionSubstitutions());
        assertThat(Placeholders.anyIn(substituted)).as("placeholders left after substitution").isFalse();
        definition = JSON.readTree(substituted);

        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Region region = Region.of(LOCALSTACK.getRegion());
        s3 = S3Client.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        stepFunctions = SfnClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();

        s3.createBucket(request -> request.bucket(BUCKET));
        s3.putBucketVersioning(request -> request.bucket(BUCKET)
                .versioningConfiguration(versioning -> versioning.status(BucketVersioningStatus.ENABLED)));
        stateMachineArn = stepFunctions.createStateMachine(request -> request
                .name(mockedStateMachineName())
                .definition(substituted)
                .roleArn(PIPELINE_ROLE_ARN)
                .type(StateMachineType.STANDARD)).stateMachineArn();
    }

    @AfterAll
    static void closeClients() {
        if (s3 != null) {
            s3.close();
        }
        if (stepFunctions != null) {
            stepFunctions.close();
        }
    }

    @Test
    void uploadedCsv_startsOneExecutionNamedForTheVersion_andARedeliveryStartsNothingNew() throws IOException {
        String key = "incoming/year=2026/month=03/day=01/purchases a.csv";
        Uploaded upload = put(key);
        String expectedName = ExecutionNames.forObject(BUCKET, key,
                new ObjectVersion(ObjectVersion.Source.VERSION_ID, upload.versionId()));

        TriggerResult first = trigger(HAPPY_PATH, upload.event());
        DescribeExecutionResponse finished = awaitEnd(executionArnNamed(expectedName));

        assertThat(first.started()).extracting(TriggerResult.Execution::name).containsExactly(expectedName);
        assertThat(finished.status()).as(finished.error() + ": " + finished.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode input = JSON.readTree(finished.input());
        assertThat(input.path("bucket").asText()).isEqualTo(BUCKET);
        assertThat(input.path("key").asText()).isEqualTo(key);
        assertThat(input.path("versionId").asText()).isEqualTo(upload.versionId());
        assertThat(input.path("ingestionDate").asText()).isEqualTo("2026-03-01");
        assertThat(input.path("uploadOrder").asText()).endsWith("-" + EVENT_SEQUENCER + "0".repeat(32
                - EVENT_SEQUENCER.length()));
        JsonNode bronzeToSilver = scheduledParameters(finished.executionArn(), "glue").stream()
                .filter(parameters -> parameters.path("JobName").asText().equals(
                        LocalDeployment.definitionSubstitutions().get("BronzeToSilverJobName")))
                .findFirst().orElseThrow();
        assertThat(bronzeToSilver.path("Arguments").path("--run_id").asText()).isEqualTo(expectedName);
        assertThat(bronzeToSilver.path("Arguments").path("--source_key").asText()).isEqualTo(key);
        assertThat(bronzeToSilver.path("Arguments").path("--source_version").asText()).isEqualTo(upload.versionId());

        TriggerResult redelivery = trigger(HAPPY_PATH, upload.event());

        assertThat(redelivery.started()).isEmpty();
        assertThat(redelivery.duplicates()).extracting(TriggerResult.Execution::name).containsExactly(expectedName);
        assertThat(executions()).filteredOn(execution -> execution.name().equals(expectedName)).hasSize(1);
    }

    @Test
    void bronzeToSilverJobFails_executionFailsAfterPublishingTheAlert_andKeepsTheGlueError() throws IOException {
        String key = "incoming/year=2026/month=03/day=02/purchases-broken.csv";
        Uploaded upload = put(key);
        JsonNode glueFailure = mockedGlueFailure();

        TriggerResult result = trigger(BRONZE_TO_SILVER_FAILS, upload.event());

        assertThat(result.started()).hasSize(1);
        DescribeExecutionResponse finished = awaitEnd(executionArnNamed(result.started().get(0).name()));
        assertThat(finished.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(finished.error()).isEqualTo(finalErrorFor(glueFailure));
        assertThat(finished.cause()).contains(JSON.readTree(glueFailure.path("Cause").asText())
                .path("ErrorMessage").asText());
        List<JsonNode> alerts = scheduledParameters(finished.executionArn(), "sns");
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.path("TopicArn").asText()).isEqualTo(LocalDeployment.ALERT_TOPIC_ARN);
            assertThat(messageOf(alert).path("key").asText()).isEqualTo(key);
        });
        assertThat(events(finished.executionArn()))
                .filteredOn(event -> event.type() == HistoryEventType.TASK_SUCCEEDED)
                .extracting(event -> event.taskSucceededEventDetails().resourceType())
                .containsExactly("sns");
    }

    private record Uploaded(String versionId, S3Event event) {
    }

    /** Puts a small CSV into LocalStack's S3 and builds the ObjectCreated notification S3 sends for it. */
    private static Uploaded put(String key) {
        byte[] body = "customer_id,amount\n1,10.00\n".getBytes(StandardCharsets.UTF_8);
        PutObjectResponse stored = s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
        assertThat(stored.versionId()).as("versioned bucket").isNotBlank();
        // S3 quotes the ETag in the PutObject response but not in its event notifications.
        String eTag = stored.eTag().replace("\"", "");
        LocalLake.StoredObject object = new LocalLake.StoredObject(BUCKET, key, body.length, eTag,
                stored.versionId(), EVENT_SEQUENCER, Instant.now());
        return new Uploaded(stored.versionId(), S3Events.objectCreated(object));
    }

    /** The real trigger, built through its injecting constructor, starting executions of one mock test case. */
    private static TriggerResult trigger(String mockTestCase, S3Event event) {
        TriggerHandler handler = new TriggerHandler(
                new StepFunctionsExecutionStarter(stepFunctions, stateMachineArn + "#" + mockTestCase));
        return handler.handleRequest(event, LocalLambdaContext.forFunction(LocalDeployment.PREFIX + "-trigger"));
    }

    private static List<ExecutionListItem> executions() {
        return stepFunctions.listExecutionsPaginator(request -> request.stateMachineArn(stateMachineArn))
                .executions().stream().toList();
    }

    private static String executionArnNamed(String name) {
        return executions().stream()
                .filter(execution -> execution.name().equals(name))
                .map(ExecutionListItem::executionArn)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No execution named " + name));
    }

    private static DescribeExecutionResponse awaitEnd(String executionArn) {
        Instant deadline = Instant.now().plus(EXECUTION_TIMEOUT);
        while (true) {
            DescribeExecutionResponse execution = stepFunctions.describeExecution(r -> r.executionArn(executionArn));
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(executionArn + " still RUNNING after " + EXECUTION_TIMEOUT);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + executionArn, e);
            }
        }
    }

    private static List<HistoryEvent> events(String executionArn) {
        return stepFunctions.getExecutionHistoryPaginator(request -> request.executionArn(executionArn))
                .events().stream().toList();
    }

    /** The parameters of each task scheduled on one service ("glue", "lambda", "sns"), in order. */
    private static List<JsonNode> scheduledParameters(String executionArn, String resourceType) {
        return events(executionArn).stream()
                .filter(event -> event.type() == HistoryEventType.TASK_SCHEDULED)
                .map(HistoryEvent::taskScheduledEventDetails)
                .filter(details -> details.resourceType().equals(resourceType))
                .map(details -> readJson(details.parameters()))
                .toList();
    }

    /** An SNS publish carries its Message as the JSON object the ASL builds or, once serialized, as its text. */
    private static JsonNode messageOf(JsonNode publishParameters) {
        JsonNode message = publishParameters.path("Message");
        return message.isTextual() ? readJson(message.asText()) : message;
    }

    /**
     * The error the pipeline's Fail state ends an execution with after a task threw {@code caught}, read from the
     * definition: its literal {@code Error}, or what its {@code ErrorPath} selects from the caught error placed at
     * the Catch's {@code ResultPath}.
     */
    private static String finalErrorFor(JsonNode caught) {
        List<JsonNode> failStates = StreamSupport.stream(definition.path("States").spliterator(), false)
                .filter(state -> state.path("Type").asText().equals("Fail"))
                .toList();
        assertThat(failStates).as("Fail states in the definition").hasSize(1);
        JsonNode fail = failStates.get(0);
        if (fail.has("Error")) {
            return fail.path("Error").asText();
        }
        String errorPath = fail.path("ErrorPath").asText();
        assertThat(errorPath).as("the Fail state's ErrorPath").matches(SIMPLE_PATH);
        ObjectNode failStateInput = JSON.createObjectNode();
        failStateInput.set(catchResultField(), caught);
        return failStateInput.at(errorPath.substring(1).replace('.', '/')).asText();
    }

    /** The field BronzeToSilver's Catch puts the caught error under ({@code "$.error"} gives {@code error}). */
    private static String catchResultField() {
        String resultPath = definition.at("/States/BronzeToSilver/Catch/0/ResultPath").asText();
        assertThat(resultPath).matches("\\$\\.[A-Za-z0-9_]+");
        return resultPath.substring(2);
    }

    private static JsonNode mockedGlueFailure() {
        String responseName = mockConfig.at("/StateMachines/" + mockedStateMachineName()
                + "/TestCases/" + BRONZE_TO_SILVER_FAILS + "/BronzeToSilver").asText();
        return mockConfig.path("MockedResponses").path(responseName).path("0").path("Throw");
    }

    /** The one state machine the mock configuration describes; it is created under that name. */
    private static String mockedStateMachineName() {
        return mockConfig.path("StateMachines").fieldNames().next();
    }

    private static String mockConfigText() {
        try (InputStream in = Objects.requireNonNull(
                LocalStackPipelineIT.class.getResourceAsStream(MOCK_CONFIG_RESOURCE), MOCK_CONFIG_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
