package com.c360.local.aws;

import com.c360.lambda.trigger.ExecutionStarter;
import com.c360.local.asl.AslInterpreter;
import com.c360.local.asl.ExecutionAlreadyExistsException;
import com.c360.local.asl.ExecutionResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * StartExecution for the trigger handler, run synchronously in-process. Execution names stay taken across commands
 * (a record per execution under {@code executions/}), as Step Functions keeps them, so a replayed S3 event starts
 * nothing new.
 */
public final class LocalStepFunctions implements ExecutionStarter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AslInterpreter interpreter;
    private final Path executions;
    private final Map<String, ExecutionResult> resultsThisRun = new ConcurrentHashMap<>();

    public LocalStepFunctions(AslInterpreter interpreter, Path executions) {
        this.interpreter = interpreter;
        this.executions = executions;
    }

    @Override
    public StartOutcome start(String executionName, String inputJson) {
        Path record = executions.resolve(executionName + ".json");
        if (Files.exists(record)) {
            return StartOutcome.ALREADY_EXISTS;
        }
        try {
            ExecutionResult result = interpreter.start(executionName, JSON.readTree(inputJson));
            resultsThisRun.put(executionName, result);
            write(record, result, inputJson);
            return StartOutcome.STARTED;
        } catch (ExecutionAlreadyExistsException stillRunning) {
            // Taken in this process but not recorded yet: a redelivery while that execution still runs, which starts
            // nothing new on Step Functions either.
            return StartOutcome.ALREADY_EXISTS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + executionName, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run or record execution " + executionName, e);
        }
    }

    public Optional<ExecutionResult> result(String executionName) {
        return Optional.ofNullable(resultsThisRun.get(executionName));
    }

    private void write(Path record, ExecutionResult result, String inputJson) throws IOException {
        ObjectNode json = JSON.createObjectNode()
                .put("executionArn", interpreter.executionArn(result.executionName()))
                .put("status", result.status().name());
        json.set("input", JSON.readTree(inputJson));
        json.set("output", result.output());
        json.put("error", result.error()).put("cause", result.cause());
        Files.createDirectories(executions);
        Files.writeString(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
}
