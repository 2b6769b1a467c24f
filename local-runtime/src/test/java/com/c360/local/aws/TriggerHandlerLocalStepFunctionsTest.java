package com.c360.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.lambda.trigger.TriggerHandler;
import com.c360.lambda.trigger.TriggerResult;
import com.c360.contract.UploadOrder;
import com.c360.local.LocalLake;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real trigger handler starting executions through the local Step Functions, fed real-shaped S3 events. */
class TriggerHandlerLocalStepFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORK_ARN = "arn:aws:states:::test:work";
    private static final String ONE_TASK = """
            {"StartAt": "Work", "States": {
              "Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work", "End": true}}}""";
    private static final String KEY = "year=2024/month=02/day=29/purchases march+april 東京 100%.csv";
    // Late on the 28th UTC: the key's folders, not the event time, decide the ingestion date.

    @TempDir
    Path home;

    private final List<JsonNode> executionInputs = new ArrayList<>();

    private TriggerHandler triggerOverLocalStepFunctions() {
        TaskHandler work = (resource, parameters, context) -> {
            executionInputs.add(parameters);
            return parameters;
        };
        LocalStepFunctions stepFunctions = new LocalStepFunctions(
                AslStateMachine.fromDefinition("test-pipeline", ONE_TASK, Map.of())
                        .bind(Map.of(WORK_ARN, work), ExecutionListener.NONE),
                home.resolve("executions"));
        return new TriggerHandler(stepFunctions);
    }

    private LocalLake.StoredObject uploadedObject() throws Exception {
        Path csv = Files.writeString(home.resolve("upload.csv"), "customer_id,first_name\n1,Ann\n");
        return LocalLake.inHome(home).upload(csv, KEY);
    }

    @Test
    void duplicateDelivery_sameObjectVersion_startsOneExecution_andReportsTheSecondAsDuplicate() throws Exception {
        LocalLake.StoredObject object = uploadedObject();
        TriggerHandler trigger = triggerOverLocalStepFunctions();
        LocalLambdaContext context = LocalLambdaContext.forFunction("c360-local-trigger");

        TriggerResult first = trigger.handleRequest(S3Events.objectCreated(object), context);
        TriggerResult redelivered = trigger.handleRequest(S3Events.objectCreated(object), context);

        assertThat(first.started()).hasSize(1);
        assertThat(first.duplicates()).isEmpty();
        assertThat(redelivered.started()).isEmpty();
        assertThat(redelivered.duplicates()).containsExactlyElementsOf(first.started());
        assertThat(executionInputs).containsExactly(JSON.createObjectNode()
                .put("bucket", "c360-local-bronze")
                .put("key", KEY)
                .put("versionId", object.versionId())
                .put("ingestionDate", "2024-02-29")
                .put("uploadOrder", UploadOrder.of(object.eventTime(), object.sequencer())));
        assertThat(home.resolve("executions").resolve(first.started().get(0).name() + ".json")).isRegularFile();
    }

    @Test
    void duplicateDelivery_inALaterCommand_startsNothingNew() throws Exception {
        LocalLake.StoredObject object = uploadedObject();
        LocalLambdaContext context = LocalLambdaContext.forFunction("c360-local-trigger");
        TriggerResult first = triggerOverLocalStepFunctions()
                .handleRequest(S3Events.objectCreated(object), context);

        TriggerResult later = triggerOverLocalStepFunctions()
                .handleRequest(S3Events.objectCreated(object), context);

        assertThat(later.started()).isEmpty();
        assertThat(later.duplicates()).containsExactlyElementsOf(first.started());
        assertThat(executionInputs).hasSize(1);
    }

    @Test
    void reupload_ofTheSameKey_isANewExecution() throws Exception {
        TriggerHandler trigger = triggerOverLocalStepFunctions();
        LocalLambdaContext context = LocalLambdaContext.forFunction("c360-local-trigger");

        TriggerResult first = trigger.handleRequest(S3Events.objectCreated(uploadedObject()), context);
        TriggerResult second = trigger.handleRequest(S3Events.objectCreated(uploadedObject()), context);

        assertThat(second.started()).hasSize(1);
        assertThat(second.started().get(0).name()).isNotEqualTo(first.started().get(0).name());
        assertThat(executionInputs).extracting(input -> input.path("key").asText()).containsExactly(KEY, KEY);
    }
}
