package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How an execution ended.
 *
 * @param output the execution output; null when it failed
 * @param error the error name; null when it succeeded (and may be null for a Fail state without Error)
 * @param cause the error cause; null when it succeeded or none was given
 * @param visitedStates every state entered, in order, repeats included
 */
public record ExecutionResult(
    String executionName,
    ExecutionStatus status,
    JsonNode output,
    String error,
    String cause,
    List<String> visitedStates) {

  public ExecutionResult {
    visitedStates = List.copyOf(visitedStates);
  }

  static ExecutionResult success(String executionName, JsonNode output, List<String> visitedStates) {
    return new ExecutionResult(executionName, ExecutionStatus.SUCCEEDED, output, null, null, visitedStates);
  }

  static ExecutionResult failure(String executionName, String error, String cause, List<String> visitedStates) {
    return new ExecutionResult(executionName, ExecutionStatus.FAILED, null, error, cause, visitedStates);
  }

  public boolean succeeded() {
    return status == ExecutionStatus.SUCCEEDED;
  }
}
