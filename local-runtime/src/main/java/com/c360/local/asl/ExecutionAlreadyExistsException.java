package com.c360.local.asl;

/**
 * An execution with this name was already started on this state machine (Step Functions' ExecutionAlreadyExists): names
 * are unique per state machine, which is what makes starting an execution named after an event idempotent.
 */
public class ExecutionAlreadyExistsException extends IllegalStateException {

  ExecutionAlreadyExistsException(String stateMachineName, String executionName) {
    super("Execution '" + executionName + "' already exists on state machine '" + stateMachineName + "'");
  }
}
