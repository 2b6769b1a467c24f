package com.c360.local.aws;

import com.c360.contract.ExecutionInput;
import com.c360.lambda.trigger.ExecutionStarter;
import com.c360.local.asl.AslInterpreter;
import com.c360.local.asl.ExecutionResult;
import com.c360.local.asl.ExecutionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * StartExecution of a standard workflow for the trigger handler, run synchronously on the caller's thread. Each
 * execution is a record under {@code executions/}, created as the execution starts (status RUNNING, with its input)
 * and replaced by how it ended, so names stay taken across threads, instances and commands, as Step Functions keeps
 * them:
 * <ul>
 *   <li>a new name runs the execution;</li>
 *   <li>the same name and input while that execution runs is answered with the running execution, and runs nothing
 *       (Step Functions answers such a call with the running execution's ARN);</li>
 *   <li>the same name with another input while it runs, or at all once it has ended, is ExecutionAlreadyExists.</li>
 * </ul>
 * Records are only ever published whole (a hard link or an atomic move of a finished file), so a concurrent reader,
 * in this process or another, never sees half of one, and of two concurrent starts of one name exactly one creates
 * it.
 */
public final class LocalStepFunctions implements ExecutionStarter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNNING = "RUNNING";
    /** How often {@link #result} reads again the record of an execution that another thread or process runs. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final ObjectNode THIS_PROCESS = runner(ProcessHandle.current());

    private final AslInterpreter interpreter;
    private final Path executions;
    /** The names this instance answered STARTED for: the executions whose results {@link #result} gives. */
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    public LocalStepFunctions(AslInterpreter interpreter, Path executions) {
        this.interpreter = interpreter;
        this.executions = executions;
    }

    /**
     * @throws com.c360.local.asl.InvalidExecutionNameException when the name breaks StartExecution's naming rules
     */
    @Override
    public StartOutcome start(String executionName, String inputJson) {
        AslInterpreter.validateExecutionName(executionName);
        Path record = executions.resolve(executionName + ".json");
        try {
            JsonNode input = JSON.readTree(inputJson);
            if (!create(record, runningRecord(executionName, input))) {
                return existing(executionName, input, read(record));
            }
            started.add(executionName);
            run(record, executionName, input);
            return StartOutcome.STARTED;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run or record execution " + executionName, e);
        }
    }

    /** StartExecution's answer when an execution of that name exists. */
    private StartOutcome existing(String executionName, JsonNode input, JsonNode record) {
        if (isRunning(record) && record.path("input").equals(input)) {
            started.add(executionName);
            return StartOutcome.STARTED;
        }
        return StartOutcome.ALREADY_EXISTS;
    }

    private void run(Path record, String executionName, JsonNode input) throws IOException {
        ExecutionResult result;
        try {
            result = interpreter.start(executionName, input);
        } catch (InterruptedException | RuntimeException cutShort) {
            // The execution still ends, or callers waiting on its record would wait for ever.
            publish(record, endedRecord(new ExecutionResult(executionName, ExecutionStatus.FAILED, null,
                    cutShort.getClass().getSimpleName(), cutShort.getMessage(), List.of()), input));
            if (cutShort instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running " + executionName, cutShort);
            }
            throw (RuntimeException) cutShort;
        }
        publish(record, endedRecord(result, input));
    }

    /**
     * How an execution this instance answered STARTED for ended, once it has: when another thread or process runs
     * it, this waits for that run to end. Empty for any other name.
     *
     * @throws AbandonedExecutionException when the process running the execution exited before it ended
     */
    public Optional<ExecutionResult> result(String executionName) {
        if (!started.contains(executionName)) {
            return Optional.empty();
        }
        Path record = executions.resolve(executionName + ".json");
        try {
            JsonNode current = read(record);
            while (RUNNING.equals(current.path("status").asText())) {
                if (!runnerAlive(current)) {
                    throw new AbandonedExecutionException(executionName, current.path("runner").path("pid").asLong());
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
                current = read(record);
            }
            return Optional.of(resultOf(executionName, current));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for execution " + executionName, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the record of execution " + executionName, e);
        }
    }

    /** The input an execution was started with, as its record keeps it; empty for a name never started. */
    public Optional<ExecutionInput> input(String executionName) {
        Path record = executions.resolve(executionName + ".json");
        if (!Files.exists(record)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(read(record).path("input"), ExecutionInput.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the record of execution " + executionName, e);
        }
    }

    /** A RUNNING record left by a process that exited never ends, so it counts as an execution that has. */
    private static boolean isRunning(JsonNode record) {
        return RUNNING.equals(record.path("status").asText()) && runnerAlive(record);
    }

    private static boolean runnerAlive(JsonNode record) {
        JsonNode runner = record.path("runner");
        // A pid is reused once its process exits; the start time tells the runner from a later process.
        return ProcessHandle.of(runner.path("pid").asLong())
                .filter(ProcessHandle::isAlive)
                .map(process -> Objects.equals(startOf(process), runner.path("processStart").textValue()))
                .orElse(false);
    }

    private static ObjectNode runner(ProcessHandle process) {
        return JSON.createObjectNode().put("pid", process.pid()).put("processStart", startOf(process));
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse(null);
    }

    private ObjectNode runningRecord(String executionName, JsonNode input) {
        ObjectNode json = JSON.createObjectNode()
                .put("executionArn", interpreter.executionArn(executionName))
                .put("status", RUNNING);
        json.set("input", input);
        json.set("runner", THIS_PROCESS);
        return json;
    }

    private ObjectNode endedRecord(ExecutionResult result, JsonNode input) {
        ObjectNode json = JSON.createObjectNode()
                .put("executionArn", interpreter.executionArn(result.executionName()))
                .put("status", result.status().name());
        json.set("input", input);
        json.set("output", result.output());
        json.put("error", result.error()).put("cause", result.cause());
        json.set("visitedStates", JSON.valueToTree(result.visitedStates()));
        json.set("runner", THIS_PROCESS);
        return json;
    }

    private static ExecutionResult resultOf(String executionName, JsonNode record) {
        List<String> visitedStates = new ArrayList<>();
        record.path("visitedStates").forEach(state -> visitedStates.add(state.asText()));
        JsonNode output = record.path("output");
        return new ExecutionResult(executionName, ExecutionStatus.valueOf(record.path("status").asText()),
                output.isNull() ? null : output, record.path("error").textValue(), record.path("cause").textValue(),
                visitedStates);
    }

    /** Creates the record unless one of that name exists; false when one does. */
    private boolean create(Path record, ObjectNode content) throws IOException {
        Path draft = draft(content);
        try {
            // A hard link, unlike a move, fails when the name exists, so exactly one concurrent start creates it.
            Files.createLink(record, draft);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } finally {
            Files.delete(draft);
        }
    }

    private void publish(Path record, ObjectNode content) throws IOException {
        Files.move(draft(content), record, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path draft(ObjectNode content) throws IOException {
        Files.createDirectories(executions);
        Path draft = Files.createTempFile(executions, ".draft-", ".tmp");
        Files.writeString(draft, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content));
        return draft;
    }

    private static JsonNode read(Path record) throws IOException {
        return JSON.readTree(Files.readString(record));
    }
}
