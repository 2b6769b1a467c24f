package com.c360.local.asl;

import java.util.Objects;

/**
 * A task's failure as Step Functions sees it: an error name that Retry and Catch match on (for example
 * {@code States.TaskFailed} or {@code Glue.ConcurrentRunsExceededException}) and a cause text.
 */
public class TaskFailedException extends Exception {

  private final String error;
  private final String cause;

  public TaskFailedException(String error, String cause) {
    this(error, cause, null);
  }

  public TaskFailedException(String error, String cause, Throwable underlying) {
    super(error + ": " + cause, underlying);
    this.error = Objects.requireNonNull(error, "error");
    this.cause = Objects.requireNonNull(cause, "cause");
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
