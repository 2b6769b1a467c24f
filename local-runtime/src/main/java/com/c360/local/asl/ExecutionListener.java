package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Observes an execution's progress, for example to print each stage; every method defaults to doing nothing. */
public interface ExecutionListener {

  ExecutionListener NONE = new ExecutionListener() {};

  default void stateEntered(String stateName, JsonNode input) {}

  /** A state finished and hands {@code output} to the next state (or to the execution, when it is the last). */
  default void stateExited(String stateName, JsonNode output) {}

  /**
   * A task failed with {@code error} and will run again after {@code delay}.
   *
   * @param retryNumber 1 for the first retry of this state entry under the matching retrier, then 2, ...
   */
  default void taskRetry(String stateName, String error, int retryNumber, Duration delay) {}

  default void executionFinished(ExecutionResult result) {}
}
