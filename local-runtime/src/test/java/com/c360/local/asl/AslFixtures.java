package com.c360.local.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Shared test doubles and helpers for the interpreter tests. */
final class AslFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123Z");
  static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String TASK_ARN = "arn:aws:states:::test:work";

  private AslFixtures() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException invalid) {
      throw new UncheckedIOException(invalid);
    }
  }

  static AslStateMachine machine(String definition) {
    return AslStateMachine.fromDefinition("test-machine", definition, Map.of());
  }

  /** Runs {@code definition} with {@code task} behind {@link #TASK_ARN}. */
  static ExecutionResult run(String definition, TaskHandler task, Sleeper sleeper, String input)
      throws InterruptedException {
    return machine(definition)
        .bind(Map.of(TASK_ARN, task), ExecutionListener.NONE, sleeper, FIXED_CLOCK)
        .start("test-execution", json(input));
  }

  /** Records every delay instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
      delays.add(duration);
    }
  }

  /** One call a task handler received. */
  record Invocation(String resource, JsonNode parameters, TaskContext context) {}

  /**
   * A task handler that fails with the queued errors, one per call, then returns {@code result} on every later call.
   */
  static final class ScriptedTask implements TaskHandler {
    final List<Invocation> invocations = new ArrayList<>();
    private final Deque<String> errorsToThrow;
    private final JsonNode result;

    ScriptedTask(JsonNode result, String... errorsToThrow) {
      this.result = result;
      this.errorsToThrow = new ArrayDeque<>(List.of(errorsToThrow));
    }

    static ScriptedTask returning(String resultJson) {
      return new ScriptedTask(json(resultJson));
    }

    static ScriptedTask failingWith(String... errors) {
      return new ScriptedTask(json("{}"), errors);
    }

    /** Fails on every call with {@code error}. */
    static TaskHandler alwaysFailing(String error, List<Invocation> invocations) {
      return (resource, parameters, context) -> {
        invocations.add(new Invocation(resource, parameters, context));
        throw new TaskFailedException(error, "cause of " + error);
      };
    }

    @Override
    public JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException {
      invocations.add(new Invocation(resource, parameters, context));
      if (!errorsToThrow.isEmpty()) {
        String error = errorsToThrow.pop();
        throw new TaskFailedException(error, "cause of " + error);
      }
      return result;
    }
  }
}
