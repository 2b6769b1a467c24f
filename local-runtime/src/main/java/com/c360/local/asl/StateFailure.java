package com.c360.local.asl;

/**
 * An error raised while a state runs, carrying the ASL error name and cause that Retry, Catch and the execution result
 * see. Internal to the interpreter; task handlers signal failures with {@link TaskFailedException}.
 */
final class StateFailure extends Exception {

  static final String RUNTIME = "States.Runtime";
  static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

  private final String error;
  private final String cause;

  StateFailure(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  static StateFailure runtime(String cause) {
    return new StateFailure(RUNTIME, cause);
  }

  String error() {
    return error;
  }

  String cause() {
    return cause;
  }

  /** Step Functions fails the execution on these at once: no retrier or catcher, not even States.ALL, sees them. */
  boolean isTerminal() {
    return RUNTIME.equals(error);
  }
}
