package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The states this interpreter runs, as parsed and validated from the definition.
 *
 * <p>Conventions: a {@code next} of {@link Optional#empty()} means {@code "End": true}. A path field holding
 * {@link Optional#empty()} was explicitly {@code null} in the definition (an absent field defaults to {@code $}): a
 * null InputPath or OutputPath gives {@code {}}, a null ResultPath discards the result and passes the input on.
 */
interface State {

  String name();

  record IoPaths(Optional<ReferencePath> inputPath, Optional<ReferencePath> outputPath) {}

  record Task(
      String name,
      String resource,
      IoPaths io,
      Optional<PayloadTemplate> parameters,
      Optional<PayloadTemplate> resultSelector,
      Optional<ReferencePath> resultPath,
      List<Retrier> retriers,
      List<Catcher> catchers,
      Optional<String> next) implements State {}

  record Pass(
      String name,
      IoPaths io,
      Optional<PayloadTemplate> parameters,
      Optional<JsonNode> result,
      Optional<ReferencePath> resultPath,
      Optional<String> next) implements State {}

  record Choice(String name, IoPaths io, List<ChoiceRule.Branch> branches, Optional<String> defaultNext)
      implements State {}

  /** Waits either a fixed number of seconds or the number found at {@code secondsPath}. */
  record Wait(String name, IoPaths io, Optional<Integer> seconds, Optional<ReferencePath> secondsPath,
      Optional<String> next) implements State {}

  record Succeed(String name, IoPaths io) implements State {}

  /** Each of error and cause comes from its literal field, its path field, or neither. */
  record Fail(String name, Optional<String> error, Optional<ReferencePath> errorPath, Optional<String> cause,
      Optional<ReferencePath> causePath) implements State {}
}
