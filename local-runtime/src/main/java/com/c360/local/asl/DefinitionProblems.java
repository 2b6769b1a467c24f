package com.c360.local.asl;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in a definition so one load reports them all, each naming its state and field. */
final class DefinitionProblems {

  private final List<String> problems = new ArrayList<>();

  /** Problems of one state, or of the top level of the definition. */
  final class Scope {
    private final String prefix;

    private Scope(String prefix) {
      this.prefix = prefix;
    }

    void report(String field, String message) {
      problems.add(prefix + ", field '" + field + "': " + message);
    }
  }

  Scope topLevel() {
    return new Scope("Definition");
  }

  Scope state(String stateName) {
    return new Scope("State '" + stateName + "'");
  }

  void reportGeneral(String message) {
    problems.add(message);
  }

  void throwIfAny(String stateMachineName) {
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(stateMachineName, problems);
    }
  }
}
