package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${Name}} placeholders, replaced textually as CloudFormation's DefinitionSubstitutions (CDK's
 * {@code definitionSubstitutions}) does: exactly the {@code ${key}} of each given key, nothing else.
 *
 * <p>CloudFormation leaves any other {@code ${...}} in the deployed definition as literal text. Here a leftover whose
 * name looks like a substitution key (an identifier) is reported instead, because it can only be a missing or
 * misspelt substitution; other text such as {@code ${...}} in a comment stays, as on AWS.
 */
public final class Placeholders {

  private static final Pattern ANY_DOLLAR_BRACES = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");

  private Placeholders() {}

  public static String substitute(String definition, Map<String, String> substitutions) {
    Matcher matcher = ANY_DOLLAR_BRACES.matcher(definition);
    StringBuilder substituted = new StringBuilder();
    while (matcher.find()) {
      String replacement = substitutions.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(substituted, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(substituted);
    return substituted.toString();
  }

  public static boolean anyIn(String text) {
    return PLACEHOLDER.matcher(text).find();
  }

  /** Reports every placeholder left in the parsed definition under the state and field that holds it. */
  static void reportLeftovers(JsonNode definition, DefinitionProblems problems) {
    Iterator<Map.Entry<String, JsonNode>> states = definition.path("States").fields();
    while (states.hasNext()) {
      Map.Entry<String, JsonNode> state = states.next();
      reportLeftovers(state.getValue(), "", problems.state(state.getKey()));
    }
    Iterator<Map.Entry<String, JsonNode>> topLevel = definition.fields();
    while (topLevel.hasNext()) {
      Map.Entry<String, JsonNode> field = topLevel.next();
      if (!field.getKey().equals("States")) {
        reportLeftovers(field.getValue(), field.getKey(), problems.topLevel());
      }
    }
  }

  private static void reportLeftovers(JsonNode node, String field, DefinitionProblems.Scope scope) {
    if (node.isTextual()) {
      Matcher matcher = PLACEHOLDER.matcher(node.textValue());
      while (matcher.find()) {
        scope.report(field, "placeholder " + matcher.group() + " has no substitution");
      }
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> child = fields.next();
        String childField = field.isEmpty() ? child.getKey() : field + "." + child.getKey();
        if (anyIn(child.getKey())) {
          scope.report(childField, "placeholder in a field name has no substitution");
        }
        reportLeftovers(child.getValue(), childField, scope);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        reportLeftovers(node.get(i), field + "[" + i + "]", scope);
      }
    }
  }
}
