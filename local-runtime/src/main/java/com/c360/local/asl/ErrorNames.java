package com.c360.local.asl;

import java.util.List;

/** How Retry and Catch match an error name against their ErrorEquals lists. */
final class ErrorNames {

  static final String ALL = "States.ALL";
  static final String TASK_FAILED = "States.TaskFailed";
  static final String TIMEOUT = "States.Timeout";

  private ErrorNames() {}

  static boolean matches(List<String> errorEquals, String error) {
    return errorEquals.contains(error)
        || errorEquals.contains(ALL)
        || (errorEquals.contains(TASK_FAILED) && !TIMEOUT.equals(error));
  }
}
