package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Parameters or ResultSelector payload template: fields whose name ends in {@code .$} take the value their path
 * selects or their intrinsic function returns; everything else is copied as is. Nested objects and arrays are templates too.
 */
final class PayloadTemplate {

  private static final String PATH_SUFFIX = ".$";

  private interface Node {
    JsonNode resolve(JsonNode input, JsonNode context) throws StateFailure;
  }

  private record Literal(JsonNode value) implements Node {
    @Override
    public JsonNode resolve(JsonNode input, JsonNode context) {
      return value.deepCopy();
    }
  }

  private record PathValue(String fieldName, ReferencePath path) implements Node {
    @Override
    public JsonNode resolve(JsonNode input, JsonNode context) throws StateFailure {
      Optional<JsonNode> value = path.read(input, context);
      if (value.isEmpty()) {
        String searched = path.root() == ReferencePath.Root.CONTEXT_OBJECT ? "the context object " + context
            : "the input " + input;
        throw StateFailure.runtime("The JSONPath '" + path + "' specified for the field '" + fieldName
            + "' could not be found in " + searched);
      }
      return value.get().deepCopy();
    }
  }

  private record IntrinsicValue(IntrinsicFunction function) implements Node {
    @Override
    public JsonNode resolve(JsonNode input, JsonNode context) throws StateFailure {
      return function.evaluate(input, context);
    }
  }

  private record ObjectTemplate(Map<String, Node> fields) implements Node {
    @Override
    public JsonNode resolve(JsonNode input, JsonNode context) throws StateFailure {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, Node> field : fields.entrySet()) {
        result.set(field.getKey(), field.getValue().resolve(input, context));
      }
      return result;
    }
  }

  private record ArrayTemplate(List<Node> elements) implements Node {
    @Override
    public JsonNode resolve(JsonNode input, JsonNode context) throws StateFailure {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      for (Node element : elements) {
        result.add(element.resolve(input, context));
      }
      return result;
    }
  }

  private final Node root;

  private PayloadTemplate(Node root) {
    this.root = root;
  }

  /** Compiles {@code template}, the value of definition field {@code field}; problems go to {@code scope}. */
  static PayloadTemplate compile(JsonNode template, String field, DefinitionProblems.Scope scope) {
    if (!template.isObject()) {
      scope.report(field, "must be a JSON object (a payload template)");
    }
    return new PayloadTemplate(compileNode(template, field, scope));
  }

  private static Node compileNode(JsonNode template, String field, DefinitionProblems.Scope scope) {
    if (template.isObject()) {
      Map<String, Node> fields = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> entries = template.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String key = entry.getKey();
        String childField = field + "." + key;
        boolean isPath = key.endsWith(PATH_SUFFIX);
        String outputName = isPath ? key.substring(0, key.length() - PATH_SUFFIX.length()) : key;
        if (fields.containsKey(outputName)) {
          scope.report(childField, "yields the field '" + outputName + "' more than once");
        }
        fields.put(outputName, isPath ? compilePathValue(entry.getValue(), key, childField, scope)
            : compileNode(entry.getValue(), childField, scope));
      }
      return new ObjectTemplate(fields);
    }
    if (template.isArray()) {
      List<Node> elements = new ArrayList<>();
      for (int i = 0; i < template.size(); i++) {
        elements.add(compileNode(template.get(i), field + "[" + i + "]", scope));
      }
      return new ArrayTemplate(elements);
    }
    return new Literal(template);
  }

  private static Node compilePathValue(JsonNode value, String key, String field, DefinitionProblems.Scope scope) {
    if (!value.isTextual()) {
      scope.report(field, "a field ending in '.$' must have a path as its value, not " + value);
      return new Literal(value);
    }
    if (IntrinsicFunction.looksLikeCall(value.textValue())) {
      return IntrinsicFunction.compile(scope, field, value.textValue())
          .<Node>map(IntrinsicValue::new)
          .orElseGet(() -> new Literal(value));
    }
    return PathCompiler.compile(scope, field, value.textValue(), true)
        .<Node>map(path -> new PathValue(key, path))
        .orElseGet(() -> new Literal(value));
  }

  JsonNode resolve(JsonNode input, JsonNode context) throws StateFailure {
    return root.resolve(input, context);
  }
}
