package com.c360.local.asl;

import java.util.List;

/**
 * The definition is not valid ASL, or uses ASL this interpreter does not implement; {@link #problems()} names the state
 * and field of each.
 */
public class InvalidDefinitionException extends RuntimeException {

  private final List<String> problems;

  InvalidDefinitionException(String stateMachineName, List<String> problems) {
    super("State machine '" + stateMachineName + "' cannot be run locally:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
