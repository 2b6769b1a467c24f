package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a definition's JSON into {@link State}s, checking it the way Step Functions does when a state machine is
 * created, and rejecting every ASL feature the interpreter does not implement instead of ignoring it.
 */
final class DefinitionParser {

  /** A parsed definition: where to start and every state by name, in definition order. */
  record Definition(String startAt, Map<String, State> states) {}

  private static final int MAX_STATE_NAME_LENGTH = 80;
  private static final String JSON_PATH_QUERY_LANGUAGE = "JSONPath";

  private static final Set<String> TOP_LEVEL_FIELDS = Set.of("Comment", "StartAt", "States", "Version",
      "QueryLanguage");
  private static final Set<String> TASK_FIELDS = stateFields("Resource", "InputPath", "OutputPath", "Parameters",
      "ResultSelector", "ResultPath", "Retry", "Catch", "Next", "End");
  private static final Set<String> PASS_FIELDS = stateFields("InputPath", "OutputPath", "Parameters", "Result",
      "ResultPath", "Next", "End");
  private static final Set<String> CHOICE_FIELDS = stateFields("InputPath", "OutputPath", "Choices", "Default");
  private static final Set<String> WAIT_FIELDS = stateFields("InputPath", "OutputPath", "Seconds", "SecondsPath",
      "Next", "End");
  private static final Set<String> SUCCEED_FIELDS = stateFields("InputPath", "OutputPath");
  private static final Set<String> FAIL_FIELDS = stateFields("Error", "Cause", "ErrorPath", "CausePath");
  private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
      "BackoffRate", "MaxDelaySeconds");
  private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "ResultPath", "Next");
  /** Real ASL fields the interpreter does not implement; named so the message says "not supported", not "unknown". */
  private static final Set<String> UNSUPPORTED_FIELDS = Set.of("TimeoutSeconds", "TimeoutSecondsPath",
      "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Arguments", "Output", "Assign", "Timestamp",
      "TimestampPath", "JitterStrategy", "Items", "ItemsPath", "ItemSelector", "ItemProcessor", "Iterator",
      "ItemReader", "ResultWriter", "ItemBatcher", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
      "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Branches",
      "Label");
  private static final Set<String> UNSUPPORTED_STATE_TYPES = Set.of("Map", "Parallel");

  private final DefinitionProblems problems = new DefinitionProblems();

  private DefinitionParser() {}

  private static Set<String> stateFields(String... typeFields) {
    Set<String> fields = new HashSet<>(List.of("Type", "Comment", "QueryLanguage"));
    fields.addAll(List.of(typeFields));
    return Set.copyOf(fields);
  }

  /**
   * @throws InvalidDefinitionException listing every problem found
   */
  static Definition parse(String stateMachineName, JsonNode root) {
    DefinitionParser parser = new DefinitionParser();
    Optional<Definition> definition = parser.parseTopLevel(root);
    parser.problems.throwIfAny(stateMachineName);
    return definition.orElseThrow();
  }

  private Optional<Definition> parseTopLevel(JsonNode root) {
    DefinitionProblems.Scope scope = problems.topLevel();
    if (!root.isObject()) {
      problems.reportGeneral("The definition must be a JSON object");
      return Optional.empty();
    }
    checkFields(scope, root, TOP_LEVEL_FIELDS, "the top level of a definition");
    checkQueryLanguage(scope, root);
    JsonNode version = root.get("Version");
    if (version != null && !"1.0".equals(version.textValue())) {
      scope.report("Version", "only \"1.0\" exists");
    }
    JsonNode statesNode = root.get("States");
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      scope.report("States", "must be a non-empty object of states");
      return Optional.empty();
    }
    Map<String, State> states = new LinkedHashMap<>();
    Map<String, List<Transition>> transitions = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = statesNode.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      List<Transition> stateTransitions = new ArrayList<>();
      parseState(entry.getKey(), entry.getValue(), stateTransitions).ifPresent(
          state -> states.put(state.name(), state));
      transitions.put(entry.getKey(), stateTransitions);
    }
    JsonNode startAt = root.get("StartAt");
    if (startAt == null || !startAt.isTextual()) {
      scope.report("StartAt", "must name the first state");
      return Optional.empty();
    }
    if (!transitions.containsKey(startAt.textValue())) {
      scope.report("StartAt", "names '" + startAt.textValue() + "', which is not a state");
      return Optional.empty();
    }
    checkTransitions(startAt.textValue(), transitions);
    return Optional.of(new Definition(startAt.textValue(), states));
  }

  /** An edge of the state graph, kept to check targets exist and every state is reachable. */
  private record Transition(String field, String target) {}

  private void checkTransitions(String startAt, Map<String, List<Transition>> transitions) {
    transitions.forEach((stateName, edges) -> edges.stream()
        .filter(edge -> !transitions.containsKey(edge.target()))
        .forEach(edge -> problems.state(stateName).report(edge.field(),
            "names '" + edge.target() + "', which is not a state")));
    Set<String> reached = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(startAt));
    while (!pending.isEmpty()) {
      String stateName = pending.pop();
      if (reached.add(stateName)) {
        transitions.getOrDefault(stateName, List.of()).forEach(edge -> pending.push(edge.target()));
      }
    }
    transitions.keySet().stream()
        .filter(stateName -> !reached.contains(stateName))
        .forEach(stateName -> problems.reportGeneral(
            "State '" + stateName + "' is not reachable from StartAt '" + startAt + "'"));
  }

  private Optional<State> parseState(String name, JsonNode definition, List<Transition> transitions) {
    DefinitionProblems.Scope scope = problems.state(name);
    if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
      problems.reportGeneral("State name '" + name + "' must be 1 to " + MAX_STATE_NAME_LENGTH + " characters");
    }
    if (!definition.isObject()) {
      scope.report("Type", "a state must be a JSON object");
      return Optional.empty();
    }
    JsonNode typeNode = definition.get("Type");
    String type = typeNode == null ? "" : typeNode.asText();
    if (UNSUPPORTED_STATE_TYPES.contains(type)) {
      scope.report("Type", "state type '" + type + "' is not supported by the local interpreter");
      return Optional.empty();
    }
    checkQueryLanguage(scope, definition);
    return switch (type) {
      case "Task" -> Optional.of(parseTask(name, definition, scope, transitions));
      case "Pass" -> Optional.of(parsePass(name, definition, scope, transitions));
      case "Choice" -> Optional.of(parseChoice(name, definition, scope, transitions));
      case "Wait" -> Optional.of(parseWait(name, definition, scope, transitions));
      case "Succeed" -> {
        checkFields(scope, definition, SUCCEED_FIELDS, "a Succeed state");
        yield Optional.of(new State.Succeed(name, ioPaths(scope, definition)));
      }
      case "Fail" -> Optional.of(parseFail(name, definition, scope));
      default -> {
        scope.report("Type", typeNode == null ? "a state needs a Type" : "'" + type + "' is not a state type");
        yield Optional.empty();
      }
    };
  }

  private State parseTask(String name, JsonNode definition, DefinitionProblems.Scope scope,
      List<Transition> transitions) {
    checkFields(scope, definition, TASK_FIELDS, "a Task state");
    JsonNode resource = definition.get("Resource");
    if (resource == null || !resource.isTextual() || !resource.textValue().startsWith("arn:")) {
      scope.report("Resource", "a Task needs a Resource ARN");
    }
    List<Retrier> retriers = parseList(scope, definition, "Retry", (element, field) ->
        parseRetrier(scope, element, field));
    List<Catcher> catchers = parseList(scope, definition, "Catch", (element, field) ->
        parseCatcher(scope, element, field, transitions));
    return new State.Task(
        name,
        resource == null ? "" : resource.asText(),
        ioPaths(scope, definition),
        template(scope, definition, "Parameters"),
        template(scope, definition, "ResultSelector"),
        nullablePath(scope, definition, "ResultPath"),
        retriers,
        catchers,
        transition(scope, definition, transitions));
  }

  private State parsePass(String name, JsonNode definition, DefinitionProblems.Scope scope,
      List<Transition> transitions) {
    checkFields(scope, definition, PASS_FIELDS, "a Pass state");
    return new State.Pass(
        name,
        ioPaths(scope, definition),
        template(scope, definition, "Parameters"),
        Optional.ofNullable(definition.get("Result")),
        nullablePath(scope, definition, "ResultPath"),
        transition(scope, definition, transitions));
  }

  private State parseChoice(String name, JsonNode definition, DefinitionProblems.Scope scope,
      List<Transition> transitions) {
    checkFields(scope, definition, CHOICE_FIELDS, "a Choice state");
    JsonNode choices = definition.get("Choices");
    List<ChoiceRule.Branch> branches = new ArrayList<>();
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      scope.report("Choices", "a Choice state needs a non-empty array of choice rules");
    } else {
      ChoiceRule.Parser parser = new ChoiceRule.Parser(scope);
      for (int i = 0; i < choices.size(); i++) {
        String field = "Choices[" + i + "]";
        parser.parseBranch(choices.get(i), field).ifPresent(branch -> {
          branches.add(branch);
          transitions.add(new Transition(field + ".Next", branch.next()));
        });
      }
    }
    Optional<String> defaultNext = Optional.empty();
    JsonNode defaultNode = definition.get("Default");
    if (defaultNode != null) {
      if (defaultNode.isTextual()) {
        defaultNext = Optional.of(defaultNode.textValue());
        transitions.add(new Transition("Default", defaultNode.textValue()));
      } else {
        scope.report("Default", "must name a state");
      }
    }
    return new State.Choice(name, ioPaths(scope, definition), branches, defaultNext);
  }

  private State parseWait(String name, JsonNode definition, DefinitionProblems.Scope scope,
      List<Transition> transitions) {
    checkFields(scope, definition, WAIT_FIELDS, "a Wait state");
    JsonNode seconds = definition.get("Seconds");
    JsonNode secondsPath = definition.get("SecondsPath");
    if ((seconds == null) == (secondsPath == null)) {
      scope.report("Seconds", "a Wait state needs exactly one of Seconds and SecondsPath");
    }
    if (seconds != null && !(seconds.canConvertToInt() && seconds.isIntegralNumber() && seconds.intValue() >= 0)) {
      scope.report("Seconds", "must be a non-negative integer");
    }
    return new State.Wait(
        name,
        ioPaths(scope, definition),
        seconds == null ? Optional.empty() : Optional.of(seconds.intValue()),
        textualPath(scope, definition, "SecondsPath"),
        transition(scope, definition, transitions));
  }

  private State parseFail(String name, JsonNode definition, DefinitionProblems.Scope scope) {
    checkFields(scope, definition, FAIL_FIELDS, "a Fail state");
    for (String field : List.of("Error", "Cause")) {
      if (definition.has(field) && definition.has(field + "Path")) {
        scope.report(field + "Path", "cannot be used together with " + field);
      }
      if (definition.has(field) && !definition.get(field).isTextual()) {
        scope.report(field, "must be a string");
      }
    }
    return new State.Fail(
        name,
        Optional.ofNullable(definition.get("Error")).map(JsonNode::asText),
        textualPath(scope, definition, "ErrorPath"),
        Optional.ofNullable(definition.get("Cause")).map(JsonNode::asText),
        textualPath(scope, definition, "CausePath"));
  }

  private Retrier parseRetrier(DefinitionProblems.Scope scope, JsonNode retrier, String field) {
    checkNestedFields(scope, retrier, RETRIER_FIELDS, field);
    return new Retrier(
        errorEquals(scope, retrier, field),
        positiveInt(scope, retrier, field + ".IntervalSeconds", "IntervalSeconds", 1)
            .orElse(Retrier.DEFAULT_INTERVAL_SECONDS),
        positiveInt(scope, retrier, field + ".MaxAttempts", "MaxAttempts", 0).orElse(Retrier.DEFAULT_MAX_ATTEMPTS),
        backoffRate(scope, retrier, field + ".BackoffRate"),
        positiveInt(scope, retrier, field + ".MaxDelaySeconds", "MaxDelaySeconds", 1));
  }

  private Catcher parseCatcher(DefinitionProblems.Scope scope, JsonNode catcher, String field,
      List<Transition> transitions) {
    checkNestedFields(scope, catcher, CATCHER_FIELDS, field);
    JsonNode next = catcher.get("Next");
    if (next == null || !next.isTextual()) {
      scope.report(field + ".Next", "a catcher needs a Next state name");
    } else {
      transitions.add(new Transition(field + ".Next", next.textValue()));
    }
    return new Catcher(
        errorEquals(scope, catcher, field),
        nullablePath(scope, catcher, "ResultPath", field + ".ResultPath"),
        next == null ? "" : next.asText());
  }

  private interface ElementParser<T> {
    T parse(JsonNode element, String field);
  }

  /** Parses a Retry or Catch list, enforcing that States.ALL, when used, is alone in the last entry. */
  private <T> List<T> parseList(DefinitionProblems.Scope scope, JsonNode definition, String listField,
      ElementParser<T> elementParser) {
    JsonNode list = definition.get(listField);
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      scope.report(listField, "must be an array");
      return List.of();
    }
    List<T> parsed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = listField + "[" + i + "]";
      JsonNode element = list.get(i);
      if (!element.isObject()) {
        scope.report(field, "must be an object");
        continue;
      }
      JsonNode errorEquals = element.path("ErrorEquals");
      boolean hasAll = false;
      for (JsonNode error : errorEquals) {
        hasAll |= ErrorNames.ALL.equals(error.textValue());
      }
      if (hasAll && errorEquals.size() > 1) {
        scope.report(field + ".ErrorEquals", ErrorNames.ALL + " must appear alone in ErrorEquals");
      }
      if (hasAll && i != list.size() - 1) {
        scope.report(field + ".ErrorEquals", ErrorNames.ALL + " must be in the last entry of " + listField);
      }
      parsed.add(elementParser.parse(element, field));
    }
    return parsed;
  }

  private List<String> errorEquals(DefinitionProblems.Scope scope, JsonNode definition, String field) {
    JsonNode errorEquals = definition.get("ErrorEquals");
    List<String> names = new ArrayList<>();
    if (errorEquals == null || !errorEquals.isArray() || errorEquals.isEmpty()) {
      scope.report(field + ".ErrorEquals", "must be a non-empty array of error names");
      return names;
    }
    for (JsonNode error : errorEquals) {
      if (error.isTextual() && !error.textValue().isEmpty()) {
        names.add(error.textValue());
      } else {
        scope.report(field + ".ErrorEquals", "error names must be non-empty strings, not " + error);
      }
    }
    return names;
  }

  private Optional<Integer> positiveInt(DefinitionProblems.Scope scope, JsonNode definition, String field,
      String name, int minimum) {
    JsonNode value = definition.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < minimum) {
      scope.report(field, "must be an integer of at least " + minimum);
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  private double backoffRate(DefinitionProblems.Scope scope, JsonNode retrier, String field) {
    JsonNode value = retrier.get("BackoffRate");
    if (value == null) {
      return Retrier.DEFAULT_BACKOFF_RATE;
    }
    if (!value.isNumber() || value.doubleValue() < 1.0) {
      scope.report(field, "must be a number of at least 1.0");
      return Retrier.DEFAULT_BACKOFF_RATE;
    }
    return value.doubleValue();
  }

  private Optional<String> transition(DefinitionProblems.Scope scope, JsonNode definition,
      List<Transition> transitions) {
    JsonNode next = definition.get("Next");
    JsonNode end = definition.get("End");
    if (end != null && !(end.isBoolean() && end.booleanValue())) {
      scope.report("End", "must be true when present");
    }
    if ((next == null) == (end == null)) {
      scope.report("Next", "a state needs exactly one of Next and \"End\": true");
    }
    if (next == null) {
      return Optional.empty();
    }
    if (!next.isTextual()) {
      scope.report("Next", "must name a state");
      return Optional.empty();
    }
    transitions.add(new Transition("Next", next.textValue()));
    return Optional.of(next.textValue());
  }

  private State.IoPaths ioPaths(DefinitionProblems.Scope scope, JsonNode definition) {
    return new State.IoPaths(nullablePath(scope, definition, "InputPath"),
        nullablePath(scope, definition, "OutputPath"));
  }

  private Optional<ReferencePath> nullablePath(DefinitionProblems.Scope scope, JsonNode definition, String name) {
    return nullablePath(scope, definition, name, name);
  }

  /** InputPath, OutputPath and ResultPath: absent means {@code $}; JSON null is kept as {@link Optional#empty()}. */
  private Optional<ReferencePath> nullablePath(DefinitionProblems.Scope scope, JsonNode definition, String name,
      String field) {
    JsonNode value = definition.get(name);
    if (value == null) {
      return Optional.of(ReferencePath.STATE_INPUT_ROOT);
    }
    if (value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      scope.report(field, "must be a path or null");
      return Optional.empty();
    }
    return PathCompiler.compile(scope, field, value.textValue(), false);
  }

  private Optional<ReferencePath> textualPath(DefinitionProblems.Scope scope, JsonNode definition, String name) {
    JsonNode value = definition.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      scope.report(name, "must be a path");
      return Optional.empty();
    }
    return PathCompiler.compile(scope, name, value.textValue(), true);
  }

  private Optional<PayloadTemplate> template(DefinitionProblems.Scope scope, JsonNode definition, String name) {
    return Optional.ofNullable(definition.get(name)).map(template -> PayloadTemplate.compile(template, name, scope));
  }

  private void checkQueryLanguage(DefinitionProblems.Scope scope, JsonNode definition) {
    JsonNode queryLanguage = definition.get("QueryLanguage");
    if (queryLanguage != null && !JSON_PATH_QUERY_LANGUAGE.equals(queryLanguage.textValue())) {
      scope.report("QueryLanguage", "only " + JSON_PATH_QUERY_LANGUAGE
          + " is supported by the local interpreter, not " + queryLanguage);
    }
  }

  private void checkFields(DefinitionProblems.Scope scope, JsonNode definition, Set<String> allowed, String where) {
    checkFields(scope, definition, allowed, "", where);
  }

  private void checkNestedFields(DefinitionProblems.Scope scope, JsonNode definition, Set<String> allowed,
      String field) {
    checkFields(scope, definition, allowed, field + ".", field);
  }

  private void checkFields(DefinitionProblems.Scope scope, JsonNode definition, Set<String> allowed,
      String fieldPrefix, String where) {
    definition.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        scope.report(fieldPrefix + name, UNSUPPORTED_FIELDS.contains(name)
            ? "is not supported by the local interpreter"
            : "is not a field of " + where);
      }
    });
  }
}
