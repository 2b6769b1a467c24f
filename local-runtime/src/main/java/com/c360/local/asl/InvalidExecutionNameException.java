package com.c360.local.asl;

/** The execution name breaks the StartExecution naming rules (Step Functions' InvalidName). */
public class InvalidExecutionNameException extends IllegalArgumentException {

  InvalidExecutionNameException(String name, String reason) {
    super("Invalid execution name '" + name + "': " + reason);
  }
}
