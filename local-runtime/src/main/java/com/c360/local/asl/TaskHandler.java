package com.c360.local.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Carries out a Task state's Resource, in place of the AWS service integration behind that ARN.
 *
 * <p>Failures the state machine should handle (retry, catch, fail the execution) must be thrown as
 * {@link TaskFailedException} with the error name the real integration would report. Any other exception is a bug in
 * the handler and propagates out of {@link AslInterpreter#start} instead of being routed through Catch.
 */
@FunctionalInterface
public interface TaskHandler {

  /**
   * @param resource the Task's Resource ARN
   * @param parameters the state's effective input: its input after InputPath and Parameters
   * @return the task result, before ResultSelector and ResultPath
   */
  JsonNode invoke(String resource, JsonNode parameters, TaskContext context) throws TaskFailedException;
}
