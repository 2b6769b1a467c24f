package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the Step Functions context object ({@code $$}) this interpreter provides. Paths into anything else are
 * rejected at load time rather than failing, or resolving differently from AWS, at run time.
 */
final class ContextObject {

  private static final Map<String, Set<String>> SUPPORTED_FIELDS = Map.of(
      "Execution", Set.of("Id", "Name", "Input", "StartTime"),
      "State", Set.of("Name", "EnteredTime", "RetryCount"),
      "StateMachine", Set.of("Id", "Name"));
  /** Only under Execution.Input does a path go deeper than the two fields above: into the execution's own input. */
  private static final String OPEN_ENDED_FIELD = "Input";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ContextObject() {}

  /** Why {@code path} (rooted at {@code $$}) cannot be resolved locally, or empty when it can. */
  static Optional<String> unsupportedReason(ReferencePath path) {
    List<ReferencePath.Segment> segments = path.segments();
    String supported = "the local interpreter provides only $$.Execution.{Id,Name,Input,StartTime}, "
        + "$$.State.{Name,EnteredTime,RetryCount} and $$.StateMachine.{Id,Name}";
    if (segments.size() < 2
        || !(segments.get(0) instanceof ReferencePath.Field group)
        || !(segments.get(1) instanceof ReferencePath.Field field)
        || !SUPPORTED_FIELDS.getOrDefault(group.name(), Set.of()).contains(field.name())
        || (segments.size() > 2 && !field.name().equals(OPEN_ENDED_FIELD))) {
      return Optional.of("context path '" + path + "' is not supported: " + supported);
    }
    return Optional.empty();
  }

  static JsonNode of(ExecutionIdentity execution, String stateName, Instant stateEnteredTime, int retryCount) {
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    ObjectNode executionNode = context.putObject("Execution");
    executionNode.put("Id", execution.executionArn());
    executionNode.put("Name", execution.executionName());
    executionNode.set("Input", execution.input());
    executionNode.put("StartTime", TIMESTAMP.format(execution.startTime()));
    ObjectNode state = context.putObject("State");
    state.put("Name", stateName);
    state.put("EnteredTime", TIMESTAMP.format(stateEnteredTime));
    state.put("RetryCount", retryCount);
    ObjectNode stateMachine = context.putObject("StateMachine");
    stateMachine.put("Id", execution.stateMachineArn());
    stateMachine.put("Name", execution.stateMachineName());
    return context;
  }

  /** The execution-wide part of the context object. */
  record ExecutionIdentity(
      String stateMachineName, String stateMachineArn, String executionName, String executionArn, JsonNode input,
      Instant startTime) {}
}
