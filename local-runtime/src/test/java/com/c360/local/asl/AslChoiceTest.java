package com.c360.local.asl;

import static com.c360.local.asl.AslFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.asl.AslFixtures.RecordingSleeper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AslChoiceTest {

  private static final String MATCHED = "Matched";
  private static final String DEFAULT = "Otherwise";

  /** Runs a Choice with one rule going to Matched and a Default, returning the state it chose. */
  private static String chosenBranch(String rule, String input) throws InterruptedException {
    ExecutionResult result = run("""
        {"StartAt": "Decide", "States": {
          "Decide": {"Type": "Choice", "Choices": [%s], "Default": "Otherwise"},
          "Matched": {"Type": "Succeed"},
          "Otherwise": {"Type": "Succeed"}}}""".formatted(rule.replace("}END", ", \"Next\": \"Matched\"}")), input);
    assertThat(result.status()).as("execution of %s on %s", rule, input).isEqualTo(ExecutionStatus.SUCCEEDED);
    return result.visitedStates().get(1);
  }

  private static ExecutionResult run(String definition, String input) throws InterruptedException {
    return AslFixtures.machine(definition)
        .bind(Map.of(), ExecutionListener.NONE, new RecordingSleeper(), AslFixtures.FIXED_CLOCK)
        .start("choice-run", json(input));
  }

  static Stream<Arguments> rulesAndOutcomes() {
    return Stream.of(
        Arguments.of("{\"Variable\": \"$.s\", \"StringEquals\": \"abc\"}END", "{\"s\": \"abc\"}", MATCHED),
        Arguments.of("{\"Variable\": \"$.s\", \"StringEquals\": \"abc\"}END", "{\"s\": \"abd\"}", DEFAULT),
        Arguments.of("{\"Variable\": \"$.s\", \"StringLessThan\": \"b\"}END", "{\"s\": \"abc\"}", MATCHED),
        Arguments.of("{\"Variable\": \"$.s\", \"StringGreaterThanEquals\": \"b\"}END", "{\"s\": \"abc\"}", DEFAULT),
        Arguments.of("{\"Variable\": \"$.s\", \"StringMatches\": \"log-*.csv\"}END", "{\"s\": \"log-1.csv\"}",
            MATCHED),
        Arguments.of("{\"Variable\": \"$.s\", \"StringMatches\": \"a\\\\*b\"}END", "{\"s\": \"axb\"}", DEFAULT),
        Arguments.of("{\"Variable\": \"$.s\", \"StringMatches\": \"a\\\\*b\"}END", "{\"s\": \"a*b\"}", MATCHED),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericEquals\": 2}END", "{\"n\": 2.0}", MATCHED),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericGreaterThan\": 2}END", "{\"n\": 2}", DEFAULT),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericLessThanEquals\": 2.5}END", "{\"n\": 2.5}", MATCHED),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericGreaterThanEqualsPath\": \"$.limit\"}END",
            "{\"n\": 10, \"limit\": 9}", MATCHED),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericEquals\": 1}END", "{\"n\": \"1\"}", DEFAULT),
        Arguments.of("{\"Variable\": \"$.b\", \"BooleanEquals\": false}END", "{\"b\": false}", MATCHED),
        Arguments.of("{\"Variable\": \"$.b\", \"BooleanEqualsPath\": \"$.c\"}END", "{\"b\": true, \"c\": false}",
            DEFAULT),
        Arguments.of("{\"Variable\": \"$.t\", \"TimestampLessThan\": \"2024-05-01T00:00:00Z\"}END",
            "{\"t\": \"2024-04-30T23:59:59Z\"}", MATCHED),
        Arguments.of("{\"Variable\": \"$.t\", \"TimestampEquals\": \"2024-05-01T02:00:00+02:00\"}END",
            "{\"t\": \"2024-05-01T00:00:00Z\"}", MATCHED),
        Arguments.of("{\"Variable\": \"$.t\", \"TimestampGreaterThan\": \"2024-05-01T00:00:00Z\"}END",
            "{\"t\": \"not a timestamp\"}", DEFAULT),
        Arguments.of("{\"Variable\": \"$.missing\", \"IsPresent\": false}END", "{}", MATCHED),
        Arguments.of("{\"Variable\": \"$.x\", \"IsNull\": true}END", "{\"x\": null}", MATCHED),
        Arguments.of("{\"Variable\": \"$.x\", \"IsNumeric\": true}END", "{\"x\": \"5\"}", DEFAULT),
        Arguments.of("{\"Variable\": \"$.x\", \"IsTimestamp\": true}END", "{\"x\": \"2024-05-01T00:00:00Z\"}",
            MATCHED),
        Arguments.of("{\"And\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 1},"
            + " {\"Variable\": \"$.n\", \"NumericLessThan\": 3}]}END", "{\"n\": 2}", MATCHED),
        Arguments.of("{\"And\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 1},"
            + " {\"Variable\": \"$.n\", \"NumericLessThan\": 3}]}END", "{\"n\": 3}", DEFAULT),
        Arguments.of("{\"Or\": [{\"Variable\": \"$.s\", \"StringEquals\": \"x\"},"
            + " {\"Variable\": \"$.s\", \"StringEquals\": \"y\"}]}END", "{\"s\": \"y\"}", MATCHED),
        Arguments.of("{\"Not\": {\"Variable\": \"$.s\", \"StringEquals\": \"x\"}}END", "{\"s\": \"x\"}", DEFAULT),
        Arguments.of("{\"And\": [{\"Variable\": \"$.opt\", \"IsPresent\": true},"
            + " {\"Variable\": \"$.opt\", \"StringEquals\": \"on\"}]}END", "{}", DEFAULT),
        Arguments.of("{\"Variable\": \"$$.Execution.Name\", \"StringEquals\": \"choice-run\"}END", "{}", MATCHED));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @MethodSource("rulesAndOutcomes")
  void choice_evaluatesRuleAgainstInput(String rule, String input, String expectedBranch) throws Exception {
    assertThat(chosenBranch(rule, input)).isEqualTo(expectedBranch);
  }

  @Test
  void firstMatchingRuleWins_andOutputPathAppliesToChoiceOutput() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Decide", "States": {
          "Decide": {"Type": "Choice", "InputPath": "$.in", "OutputPath": "$.n",
                     "Choices": [{"Variable": "$.n", "NumericGreaterThan": 0, "Next": "First"},
                                 {"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Second"}]},
          "First": {"Type": "Succeed"},
          "Second": {"Type": "Succeed"}}}""", "{\"in\": {\"n\": 5}}");

    assertThat(result.visitedStates()).containsExactly("Decide", "First");
    assertThat(result.output()).isEqualTo(json("5"));
  }

  @Test
  void noRuleMatchesAndNoDefault_failsWithNoChoiceMatched() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Decide", "States": {
          "Decide": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "One"}]},
          "One": {"Type": "Succeed"}}}""", "{\"n\": 2}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void comparisonOnMissingVariable_failsWithStatesRuntime() throws Exception {
    ExecutionResult result = run("""
        {"StartAt": "Decide", "States": {
          "Decide": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "One"}],
                     "Default": "One"},
          "One": {"Type": "Succeed"}}}""", "{}");

    assertThat(result.error()).isEqualTo("States.Runtime");
    assertThat(result.cause()).contains("$.n");
  }
}
