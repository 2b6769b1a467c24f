package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** One rule of a Choice state: a comparison on the state input, or And/Or/Not of nested rules. */
interface ChoiceRule {

  boolean matches(JsonNode input, JsonNode context) throws StateFailure;

  /** A rule with its {@code Next}, as it appears directly in a Choice state's {@code Choices}. */
  record Branch(ChoiceRule rule, String next) {}

  /** The kinds of value the comparison operators work on. */
  enum ValueKind {
    STRING("String", JsonNode::isTextual),
    NUMERIC("Numeric", JsonNode::isNumber),
    BOOLEAN("Boolean", JsonNode::isBoolean),
    TIMESTAMP("Timestamp", node -> node.isTextual() && parseTimestamp(node.textValue()).isPresent());

    private final String operatorPrefix;
    private final Predicate<JsonNode> accepts;

    ValueKind(String operatorPrefix, Predicate<JsonNode> accepts) {
      this.operatorPrefix = operatorPrefix;
      this.accepts = accepts;
    }

    boolean accepts(JsonNode value) {
      return accepts.test(value);
    }

    /** Orders two values this kind {@link #accepts}. */
    int compare(JsonNode left, JsonNode right) {
      return switch (this) {
        case STRING -> left.textValue().compareTo(right.textValue());
        case NUMERIC -> left.decimalValue().compareTo(right.decimalValue());
        case BOOLEAN -> Boolean.compare(left.booleanValue(), right.booleanValue());
        case TIMESTAMP -> parseTimestamp(left.textValue()).orElseThrow()
            .compareTo(parseTimestamp(right.textValue()).orElseThrow());
      };
    }

    private static Optional<Instant> parseTimestamp(String text) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException notTimestamp) {
        return Optional.empty();
      }
    }
  }

  enum Relation {
    EQUALS("Equals", order -> order == 0),
    LESS_THAN("LessThan", order -> order < 0),
    GREATER_THAN("GreaterThan", order -> order > 0),
    LESS_THAN_EQUALS("LessThanEquals", order -> order <= 0),
    GREATER_THAN_EQUALS("GreaterThanEquals", order -> order >= 0);

    private final String operatorSuffix;
    private final IntPredicate holdsFor;

    Relation(String operatorSuffix, IntPredicate holdsFor) {
      this.operatorSuffix = operatorSuffix;
      this.holdsFor = holdsFor;
    }
  }

  /** The IsXxx tests, which check what the variable is rather than compare it. */
  enum TypeTest {
    IS_PRESENT("IsPresent", node -> true),
    IS_NULL("IsNull", JsonNode::isNull),
    IS_STRING("IsString", JsonNode::isTextual),
    IS_NUMERIC("IsNumeric", JsonNode::isNumber),
    IS_BOOLEAN("IsBoolean", JsonNode::isBoolean),
    IS_TIMESTAMP("IsTimestamp", ValueKind.TIMESTAMP::accepts);

    private final String operator;
    private final Predicate<JsonNode> holdsFor;

    TypeTest(String operator, Predicate<JsonNode> holdsFor) {
      this.operator = operator;
      this.holdsFor = holdsFor;
    }
  }

  record AllOf(List<ChoiceRule> rules) implements ChoiceRule {
    @Override
    public boolean matches(JsonNode input, JsonNode context) throws StateFailure {
      for (ChoiceRule rule : rules) {
        if (!rule.matches(input, context)) {
          return false;
        }
      }
      return true;
    }
  }

  record AnyOf(List<ChoiceRule> rules) implements ChoiceRule {
    @Override
    public boolean matches(JsonNode input, JsonNode context) throws StateFailure {
      for (ChoiceRule rule : rules) {
        if (rule.matches(input, context)) {
          return true;
        }
      }
      return false;
    }
  }

  record Negation(ChoiceRule rule) implements ChoiceRule {
    @Override
    public boolean matches(JsonNode input, JsonNode context) throws StateFailure {
      return !rule.matches(input, context);
    }
  }

  /** The right-hand side of a comparison: a literal, or for the {@code ...Path} operators another path. */
  interface Operand {
    JsonNode value(JsonNode input, JsonNode context) throws StateFailure;
  }

  record Comparison(ReferencePath variable, ValueKind kind, Relation relation, Operand operand)
      implements ChoiceRule {
    @Override
    public boolean matches(JsonNode input, JsonNode context) throws StateFailure {
      JsonNode left = resolveVariable(variable, input, context);
      JsonNode right = operand.value(input, context);
      return kind.accepts(left) && kind.accepts(right) && relation.holdsFor.test(kind.compare(left, right));
    }
  }

  /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are a literal star and backslash. */
  record StringMatch(ReferencePath variable, Pattern pattern) implements ChoiceRule {
    @Override
    public boolean matches(JsonNode input, JsonNode context) throws StateFailure {
      JsonNode value = resolveVariable(variable, input, context);
      return value.isTextual() && pattern.matcher(value.textValue()).matches();
    }

    static Pattern compile(String wildcardPattern) {
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < wildcardPattern.length(); i++) {
        char current = wildcardPattern.charAt(i);
        if (current == '\\' && i + 1 < wildcardPattern.length()) {
          regex.append(Pattern.quote(String.valueOf(wildcardPattern.charAt(++i))));
        } else if (current == '*') {
          regex.append(".*");
        } else {
          regex.append(Pattern.quote(String.valueOf(current)));
        }
      }
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
  }

  record TypeCheck(ReferencePath variable, TypeTest test, boolean expected) implements ChoiceRule {
    @Override
    public boolean matches(JsonNode input, JsonNode context) throws StateFailure {
      Optional<JsonNode> value = variable.read(input, context);
      if (test == TypeTest.IS_PRESENT) {
        return value.isPresent() == expected;
      }
      return test.holdsFor.test(value.orElseThrow(() -> invalidPath(variable))) == expected;
    }
  }

  private static JsonNode resolveVariable(ReferencePath variable, JsonNode input, JsonNode context)
      throws StateFailure {
    return variable.read(input, context).orElseThrow(() -> invalidPath(variable));
  }

  /** Only IsPresent may look at a path that selects nothing; anything else fails the execution, as on AWS. */
  private static StateFailure invalidPath(ReferencePath path) {
    return StateFailure.runtime(
        "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
  }

  /** Reads rules from a Choice state's definition, reporting problems against {@code Choices[i]...} fields. */
  final class Parser {
    private static final String VARIABLE = "Variable";
    private static final String NEXT = "Next";
    private static final String COMMENT = "Comment";
    private static final String PATH_SUFFIX = "Path";
    private static final String STRING_MATCHES = "StringMatches";
    private static final Set<String> BOOLEAN_OPERATORS = Set.of("And", "Or", "Not");

    private final DefinitionProblems.Scope scope;

    Parser(DefinitionProblems.Scope scope) {
      this.scope = scope;
    }

    Optional<Branch> parseBranch(JsonNode definition, String field) {
      if (!definition.isObject()) {
        scope.report(field, "a choice rule must be an object");
        return Optional.empty();
      }
      JsonNode next = definition.get(NEXT);
      if (next == null || !next.isTextual()) {
        scope.report(field + "." + NEXT, "a top-level choice rule needs a Next state name");
      }
      Optional<ChoiceRule> rule = parseRule(definition, field, true);
      return rule.isPresent() && next != null && next.isTextual()
          ? Optional.of(new Branch(rule.get(), next.textValue()))
          : Optional.empty();
    }

    private Optional<ChoiceRule> parseRule(JsonNode definition, String field, boolean topLevel) {
      if (!definition.isObject()) {
        scope.report(field, "a choice rule must be an object");
        return Optional.empty();
      }
      List<String> operators = new ArrayList<>();
      Iterator<String> names = definition.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (name.equals(COMMENT) || name.equals(VARIABLE) || (topLevel && name.equals(NEXT))) {
          continue;
        }
        if (name.equals(NEXT)) {
          scope.report(field + "." + NEXT, "only a top-level choice rule may have Next");
        } else {
          operators.add(name);
        }
      }
      if (operators.size() != 1) {
        scope.report(field, "a choice rule needs exactly one operator, found " + operators);
        return Optional.empty();
      }
      String operator = operators.get(0);
      String operatorField = field + "." + operator;
      JsonNode operand = definition.get(operator);
      if (BOOLEAN_OPERATORS.contains(operator)) {
        if (definition.has(VARIABLE)) {
          scope.report(field + "." + VARIABLE, operator + " does not take a Variable");
        }
        return parseBooleanOperator(operator, operand, operatorField);
      }
      JsonNode variable = definition.get(VARIABLE);
      if (variable == null || !variable.isTextual()) {
        scope.report(field + "." + VARIABLE, "a comparison needs a Variable path");
        return Optional.empty();
      }
      Optional<ReferencePath> variablePath =
          PathCompiler.compile(scope, field + "." + VARIABLE, variable.textValue(), true);
      return variablePath.flatMap(path -> parseComparison(path, operator, operand, operatorField));
    }

    private Optional<ChoiceRule> parseBooleanOperator(String operator, JsonNode operand, String field) {
      if (operator.equals("Not")) {
        return parseRule(operand, field, false).map(Negation::new);
      }
      if (!operand.isArray() || operand.isEmpty()) {
        scope.report(field, operator + " needs a non-empty array of choice rules");
        return Optional.empty();
      }
      List<ChoiceRule> rules = new ArrayList<>();
      for (int i = 0; i < operand.size(); i++) {
        parseRule(operand.get(i), field + "[" + i + "]", false).ifPresent(rules::add);
      }
      if (rules.size() != operand.size()) {
        return Optional.empty();
      }
      return Optional.of(operator.equals("And") ? new AllOf(rules) : new AnyOf(rules));
    }

    private Optional<ChoiceRule> parseComparison(
        ReferencePath variable, String operator, JsonNode operand, String field) {
      for (TypeTest test : TypeTest.values()) {
        if (test.operator.equals(operator)) {
          if (!operand.isBoolean()) {
            scope.report(field, operator + " takes true or false");
            return Optional.empty();
          }
          return Optional.of(new TypeCheck(variable, test, operand.booleanValue()));
        }
      }
      if (operator.equals(STRING_MATCHES)) {
        if (!operand.isTextual()) {
          scope.report(field, operator + " takes a string pattern");
          return Optional.empty();
        }
        return Optional.of(new StringMatch(variable, StringMatch.compile(operand.textValue())));
      }
      boolean comparesWithPath = operator.endsWith(PATH_SUFFIX);
      String baseOperator =
          comparesWithPath ? operator.substring(0, operator.length() - PATH_SUFFIX.length()) : operator;
      for (ValueKind kind : ValueKind.values()) {
        for (Relation relation : Relation.values()) {
          boolean exists = kind != ValueKind.BOOLEAN || relation == Relation.EQUALS;
          if (exists && baseOperator.equals(kind.operatorPrefix + relation.operatorSuffix)) {
            return parseOperand(kind, comparesWithPath, operand, field)
                .map(parsed -> new Comparison(variable, kind, relation, parsed));
          }
        }
      }
      scope.report(field, "'" + operator + "' is not a choice rule operator the local interpreter supports");
      return Optional.empty();
    }

    private Optional<Operand> parseOperand(ValueKind kind, boolean isPath, JsonNode operand, String field) {
      if (isPath) {
        if (!operand.isTextual()) {
          scope.report(field, "takes a path");
          return Optional.empty();
        }
        return PathCompiler.compile(scope, field, operand.textValue(), true)
            .map(path -> (input, context) -> resolveVariable(path, input, context));
      }
      if (!kind.accepts(operand)) {
        scope.report(field, "takes a " + kind.name().toLowerCase(Locale.ROOT) + " value, not " + operand);
        return Optional.empty();
      }
      return Optional.of((input, context) -> operand);
    }
  }
}
