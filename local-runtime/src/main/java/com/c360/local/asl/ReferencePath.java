package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ASL reference path: a JSONPath that identifies at most one node, such as {@code $}, {@code $.a.b},
 * {@code $.a[0]}, {@code $['a b']} or, rooted at the context object, {@code $$.Execution.Name}. Wildcards, deep scans,
 * filters, slices and unions select sets of nodes, which ASL only allows in places this interpreter does not support,
 * so they are rejected when the path is parsed.
 */
final class ReferencePath {

  enum Root {
    STATE_INPUT,
    CONTEXT_OBJECT
  }

  sealed interface Segment permits Field, Index {}

  record Field(String name) implements Segment {}

  record Index(int position) implements Segment {}

  static final ReferencePath STATE_INPUT_ROOT = new ReferencePath("$", Root.STATE_INPUT, List.of());

  private final String text;
  private final Root root;
  private final List<Segment> segments;

  private ReferencePath(String text, Root root, List<Segment> segments) {
    this.text = text;
    this.root = root;
    this.segments = List.copyOf(segments);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException explaining what is wrong, for definition-time problem reports
   */
  static ReferencePath parse(String text) {
    Root root;
    int position;
    if (text.startsWith("$$")) {
      root = Root.CONTEXT_OBJECT;
      position = 2;
    } else if (text.startsWith("$")) {
      root = Root.STATE_INPUT;
      position = 1;
    } else {
      throw new IllegalArgumentException("'" + text + "' is not a path: a path starts with '$' or '$$'");
    }
    List<Segment> segments = new ArrayList<>();
    while (position < text.length()) {
      char current = text.charAt(position);
      if (current == '.') {
        int end = position + 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        String name = text.substring(position + 1, end);
        if (name.isEmpty()) {
          throw new IllegalArgumentException(
              "'" + text + "' has an empty field name (deep scan '..' is not a reference path)");
        }
        rejectNonReferenceSyntax(text, name);
        segments.add(new Field(name));
        position = end;
      } else if (current == '[') {
        int close = text.indexOf(']', position);
        if (close < 0) {
          throw new IllegalArgumentException("'" + text + "' has an unclosed '['");
        }
        segments.add(parseBracket(text, text.substring(position + 1, close)));
        position = close + 1;
      } else {
        throw new IllegalArgumentException("'" + text + "' has an unexpected '" + current + "' at " + position);
      }
    }
    return new ReferencePath(text, root, segments);
  }

  private static void rejectNonReferenceSyntax(String text, String name) {
    for (String selector : List.of("*", "@", "?", "(", ")", ",", "'", "\"", "$", "]")) {
      if (name.contains(selector)) {
        throw new IllegalArgumentException("'" + text + "' uses '" + selector
            + "', which selects several nodes or is not valid in a reference path");
      }
    }
  }

  private static Segment parseBracket(String text, String inner) {
    if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")) {
      String name = inner.substring(1, inner.length() - 1);
      if (name.isEmpty() || name.contains("'")) {
        throw new IllegalArgumentException("'" + text + "' has an invalid quoted field name [" + inner + "]");
      }
      return new Field(name);
    }
    if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
      try {
        return new Index(Integer.parseInt(inner));
      } catch (NumberFormatException tooLarge) {
        throw new IllegalArgumentException("'" + text + "' has an out-of-range index [" + inner + "]");
      }
    }
    throw new IllegalArgumentException("'" + text + "' uses [" + inner
        + "]; only [n] indexes and ['name'] fields are reference paths (no wildcards, slices, unions or filters)");
  }

  Root root() {
    return root;
  }

  List<Segment> segments() {
    return segments;
  }

  /** The node this path selects, starting at {@code stateInput} or {@code contextObject} as its root says. */
  Optional<JsonNode> read(JsonNode stateInput, JsonNode contextObject) {
    JsonNode current = root == Root.CONTEXT_OBJECT ? contextObject : stateInput;
    for (Segment segment : segments) {
      if (segment instanceof Field field) {
        current = current.isObject() ? current.get(field.name()) : null;
      } else {
        current = current.isArray() ? current.get(((Index) segment).position()) : null;
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /**
   * A copy of {@code target} with {@code value} placed where this path points, creating missing intermediate objects
   * the way ResultPath does.
   *
   * @throws ResultPathMismatchException when the path runs through something that is not an object or an array
   *     element that exists
   */
  JsonNode writeInto(JsonNode target, JsonNode value) throws ResultPathMismatchException {
    if (segments.isEmpty()) {
      return value;
    }
    JsonNode copy = target.deepCopy();
    JsonNode parent = copy;
    for (int i = 0; i < segments.size() - 1; i++) {
      parent = descendCreating(parent, segments.get(i), target);
    }
    Segment last = segments.get(segments.size() - 1);
    if (last instanceof Field field && parent instanceof ObjectNode object) {
      object.set(field.name(), value);
    } else if (last instanceof Index index && parent instanceof ArrayNode array && index.position() < array.size()) {
      array.set(index.position(), value);
    } else {
      throw mismatch(target);
    }
    return copy;
  }

  private JsonNode descendCreating(JsonNode parent, Segment segment, JsonNode target)
      throws ResultPathMismatchException {
    if (segment instanceof Field field && parent instanceof ObjectNode object) {
      JsonNode child = object.get(field.name());
      if (child == null) {
        return object.putObject(field.name());
      }
      if (child.isContainerNode()) {
        return child;
      }
    } else if (segment instanceof Index index && parent instanceof ArrayNode array
        && index.position() < array.size() && array.get(index.position()).isContainerNode()) {
      return array.get(index.position());
    }
    throw mismatch(target);
  }

  private ResultPathMismatchException mismatch(JsonNode target) {
    return new ResultPathMismatchException("Unable to apply ResultPath '" + text + "' to input " + target);
  }

  @Override
  public String toString() {
    return text;
  }

  /** ResultPath could not be applied to the state's input; Step Functions reports States.ResultPathMatchFailure. */
  static final class ResultPathMismatchException extends Exception {
    ResultPathMismatchException(String message) {
      super(message);
    }
  }
}
