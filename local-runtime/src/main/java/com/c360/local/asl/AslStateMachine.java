package com.c360.local.asl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A validated Amazon States Language definition, loaded from the same file CDK deploys. Bind it to task handlers to run
 * executions.
 */
public final class AslStateMachine {

  private static final ObjectMapper DEFINITION_READER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final List<String> DEFINITION_FILE_SUFFIXES = List.of(".asl.json", ".json");

  private final String name;
  private final DefinitionParser.Definition definition;

  private AslStateMachine(String name, DefinitionParser.Definition definition) {
    this.name = name;
    this.definition = definition;
  }

  /**
   * Loads {@code aslFile}, substituting {@code ${Name}} placeholders as CDK's {@code definitionSubstitutions} does.
   * The state machine is named after the file ({@code c360-pipeline.asl.json} gives {@code c360-pipeline}).
   *
   * @throws InvalidDefinitionException when the definition is invalid, uses ASL this interpreter does not implement,
   *     or still holds a placeholder after substitution
   */
  public static AslStateMachine load(Path aslFile, Map<String, String> substitutions) throws IOException {
    String fileName = aslFile.getFileName().toString();
    String stateMachineName = DEFINITION_FILE_SUFFIXES.stream()
        .filter(fileName::endsWith)
        .findFirst()
        .map(suffix -> fileName.substring(0, fileName.length() - suffix.length()))
        .orElse(fileName);
    return fromDefinition(stateMachineName, Files.readString(aslFile, StandardCharsets.UTF_8), substitutions);
  }

  /** Like {@link #load} for a definition already in memory. */
  public static AslStateMachine fromDefinition(String stateMachineName, String definitionJson,
      Map<String, String> substitutions) {
    String substituted = Placeholders.substitute(definitionJson, substitutions);
    JsonNode root;
    try {
      root = DEFINITION_READER.readTree(substituted);
    } catch (JsonProcessingException invalidJson) {
      String leftover = Placeholders.anyIn(substituted)
          ? " (it still holds a ${...} placeholder with no substitution, which may be why)" : "";
      throw new InvalidDefinitionException(stateMachineName,
          List.of("The definition is not valid JSON" + leftover + ": " + invalidJson.getOriginalMessage()));
    }
    if (root == null) {
      throw new InvalidDefinitionException(stateMachineName, List.of("The definition is empty"));
    }
    if (Placeholders.anyIn(substituted)) {
      DefinitionProblems problems = new DefinitionProblems();
      Placeholders.reportLeftovers(root, problems);
      problems.throwIfAny(stateMachineName);
    }
    return new AslStateMachine(stateMachineName, DefinitionParser.parse(stateMachineName, root));
  }

  public String name() {
    return name;
  }

  /** Binds with real sleeping and the system clock, as the local runtime runs it. */
  public AslInterpreter bind(Map<String, TaskHandler> handlersByResource, ExecutionListener listener) {
    return bind(handlersByResource, listener, Sleeper.threadSleep(), Clock.systemUTC());
  }

  /**
   * @param handlersByResource the handler for each Task Resource ARN
   * @throws InvalidDefinitionException naming each Task whose Resource has no handler
   */
  public AslInterpreter bind(Map<String, TaskHandler> handlersByResource, ExecutionListener listener,
      Sleeper sleeper, Clock clock) {
    DefinitionProblems problems = new DefinitionProblems();
    definition.states().values().stream()
        .filter(State.Task.class::isInstance)
        .map(State.Task.class::cast)
        .filter(task -> !handlersByResource.containsKey(task.resource()))
        .forEach(task -> problems.state(task.name()).report("Resource", "no task handler is registered for '"
            + task.resource() + "' (registered: " + new TreeSet<>(handlersByResource.keySet()) + ")"));
    problems.throwIfAny(name);
    return new AslInterpreter(name, definition, Map.copyOf(handlersByResource), listener, sleeper, clock);
  }
}
