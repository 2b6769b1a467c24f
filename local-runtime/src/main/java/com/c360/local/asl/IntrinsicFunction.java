package com.c360.local.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An intrinsic function in a payload template field ending in {@code .$}. Only {@code States.JsonToString(path)} is
 * implemented, because the state machine needs it to carry a caught error whole in a Fail state's Cause; every other
 * intrinsic is rejected at load time.
 */
final class IntrinsicFunction {

  private static final Pattern CALL_START = Pattern.compile("^States\\.[A-Za-z0-9]+\\(.*", Pattern.DOTALL);
  private static final Pattern CALL = Pattern.compile("^(States\\.[A-Za-z0-9]+)\\((.*)\\)$", Pattern.DOTALL);
  private static final String JSON_TO_STRING = "States.JsonToString";
  /** Compact, in field order, as Step Functions renders it. */
  private static final ObjectMapper COMPACT_JSON = new ObjectMapper();

  private final String text;
  private final ReferencePath argument;

  private IntrinsicFunction(String text, ReferencePath argument) {
    this.text = text;
    this.argument = argument;
  }

  /** Whether {@code text} is meant as an intrinsic call rather than a path, even if it is malformed. */
  static boolean looksLikeCall(String text) {
    return CALL_START.matcher(text).matches();
  }

  /** Compiles the call {@code text} (for which {@link #looksLikeCall} holds); problems go to {@code scope}. */
  static Optional<IntrinsicFunction> compile(DefinitionProblems.Scope scope, String field, String text) {
    Matcher call = CALL.matcher(text);
    if (!call.matches() || !JSON_TO_STRING.equals(call.group(1))) {
      scope.report(field, "intrinsic function '" + text + "' is not supported by the local interpreter (it supports "
          + JSON_TO_STRING + " only)");
      return Optional.empty();
    }
    String argumentText = call.group(2).trim();
    if (!argumentText.startsWith("$")) {
      scope.report(field, JSON_TO_STRING + " takes one path argument, not '" + argumentText + "'");
      return Optional.empty();
    }
    return PathCompiler.compile(scope, field, argumentText, true)
        .map(path -> new IntrinsicFunction(text, path));
  }

  JsonNode evaluate(JsonNode input, JsonNode context) throws StateFailure {
    JsonNode value = argument.read(input, context).orElseThrow(() -> StateFailure.runtime(
        "The path '" + argument + "' of the intrinsic function '" + text + "' could not be found in "
            + (argument.root() == ReferencePath.Root.CONTEXT_OBJECT ? "the context object " + context
                : "the input " + input)));
    try {
      return TextNode.valueOf(COMPACT_JSON.writeValueAsString(value));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("A JSON tree always serializes", impossible);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
