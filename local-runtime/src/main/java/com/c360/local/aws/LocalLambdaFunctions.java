package com.c360.local.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.c360.local.asl.TaskContext;
import com.c360.local.asl.TaskFailedException;
import com.c360.local.asl.TaskHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * {@code lambda:invoke} in-process: hands the Payload's bytes to the same handler class Lambda runs and wraps the
 * answer as the integration does ({@code StatusCode}, {@code Payload}). A handler exception becomes the error Step
 * Functions sees from Java functions: the exception's fully qualified class name.
 */
public final class LocalLambdaFunctions implements TaskHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RequestStreamHandler> handlersByArn;

    public LocalLambdaFunctions(Map<String, RequestStreamHandler> handlersByFunctionName) {
        this.handlersByArn = handlersByFunctionName.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> LocalDeployment.functionArn(e.getKey()), Map.Entry::getValue));
    }

    @Override
    public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException {
        String function = parameters.path("FunctionName").asText();
        RequestStreamHandler handler = handlersByArn.get(function);
        if (handler == null) {
            throw new TaskFailedException("Lambda.ResourceNotFoundException", "Function not found: " + function);
        }
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(parameters.path("Payload"))),
                    response, LocalLambdaContext.forFunction(function.substring(function.lastIndexOf(':') + 1)));
        } catch (IOException | RuntimeException functionError) {
            ObjectNode error = JSON.createObjectNode()
                    .put("errorMessage", String.valueOf(functionError.getMessage()))
                    .put("errorType", functionError.getClass().getName());
            throw new TaskFailedException(functionError.getClass().getName(), error.toString(), functionError);
        }
        ObjectNode result = JSON.createObjectNode().put("StatusCode", 200).put("ExecutedVersion", "$LATEST");
        try {
            result.set("Payload", JSON.readTree(response.toByteArray()));
        } catch (IOException unreadable) {
            throw new TaskFailedException("States.Runtime", "Function returned non-JSON payload: " + unreadable);
        }
        return result;
    }
}
