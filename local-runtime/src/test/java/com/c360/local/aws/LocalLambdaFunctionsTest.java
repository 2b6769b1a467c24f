package com.c360.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.c360.local.asl.TaskContext;
import com.c360.local.asl.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalLambdaFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPSERT_ARN = "arn:aws:lambda:local:000000000000:function:c360-local-upsert";
    private static final TaskContext CONTEXT = new TaskContext(
            "arn:aws:states:local:000000000000:execution:c360-pipeline:run-1", "run-1", "Upsert", 0);

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static JsonNode invokeParameters(String functionArn, String payloadJson) throws IOException {
        return json("{\"FunctionName\": \"" + functionArn + "\", \"Payload\": " + payloadJson + "}");
    }

    private static TaskFailedException failureOf(RequestStreamHandler handler) throws IOException {
        LocalLambdaFunctions lambda = new LocalLambdaFunctions(Map.of("c360-local-upsert", handler));
        JsonNode parameters = invokeParameters(UPSERT_ARN, "{\"runId\": \"run-1\"}");
        return catchThrowableOfType(TaskFailedException.class,
                () -> lambda.invoke(LocalDeployment.LAMBDA_INVOKE, parameters, CONTEXT));
    }

    @Test
    void invoke_handsPayloadBytesToHandler_andWrapsItsAnswerLikeTheLambdaIntegration() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        AtomicReference<Context> receivedContext = new AtomicReference<>();
        RequestStreamHandler upsert = (input, output, context) -> {
            received.set(new String(input.readAllBytes(), StandardCharsets.UTF_8));
            receivedContext.set(context);
            output.write("{\"runId\":\"run-1\",\"customersUpserted\":3,\"alreadyApplied\":false}"
                    .getBytes(StandardCharsets.UTF_8));
        };
        LocalLambdaFunctions lambda = new LocalLambdaFunctions(Map.of("c360-local-upsert", upsert));

        JsonNode result = lambda.invoke(LocalDeployment.LAMBDA_INVOKE,
                invokeParameters(UPSERT_ARN, "{\"runId\": \"run-1\", \"ingestionDate\": \"2024-05-01\"}"), CONTEXT);

        assertThat(json(received.get())).isEqualTo(json("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}"));
        assertThat(receivedContext.get().getFunctionName()).isEqualTo("c360-local-upsert");
        assertThat(result).isEqualTo(json("""
                {"StatusCode": 200, "ExecutedVersion": "$LATEST",
                 "Payload": {"runId": "run-1", "customersUpserted": 3, "alreadyApplied": false}}"""));
    }

    @Test
    void handlerThrowingRuntimeException_failsUnderItsFullyQualifiedClassName() throws Exception {
        TaskFailedException failure = failureOf((input, output, context) -> {
            throw new IllegalStateException("staging table is locked");
        });

        assertThat(failure.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json(failure.cause())).isEqualTo(json("""
                {"errorType": "java.lang.IllegalStateException", "errorMessage": "staging table is locked"}"""));
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void handlerThrowingIOException_failsUnderItsFullyQualifiedClassName() throws Exception {
        TaskFailedException failure = failureOf((input, output, context) -> {
            throw new IOException("connection reset");
        });

        assertThat(failure.error()).isEqualTo("java.io.IOException");
        assertThat(json(failure.cause()).path("errorType").asText()).isEqualTo("java.io.IOException");
        assertThat(json(failure.cause()).path("errorMessage").asText()).isEqualTo("connection reset");
    }

    @Test
    void unknownFunctionArn_failsWithResourceNotFound() throws Exception {
        LocalLambdaFunctions lambda = new LocalLambdaFunctions(
                Map.of("c360-local-upsert", (input, output, context) -> output.write('1')));
        String otherArn = "arn:aws:lambda:local:000000000000:function:c360-local-other";

        TaskFailedException failure = catchThrowableOfType(TaskFailedException.class,
                () -> lambda.invoke(LocalDeployment.LAMBDA_INVOKE, invokeParameters(otherArn, "{}"), CONTEXT));

        assertThat(failure.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(failure.cause()).contains(otherArn);
    }
}
