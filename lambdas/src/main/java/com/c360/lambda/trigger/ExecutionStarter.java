package com.c360.lambda.trigger;

/**
 * Starts one pipeline execution. On AWS this is Step Functions' StartExecution; the local runtime supplies one that
 * runs the same ASL in-process. Names are deterministic, so an implementation must report a name it has already
 * used as {@link StartOutcome#ALREADY_EXISTS} instead of starting a second execution.
 */
public interface ExecutionStarter {

    StartOutcome start(String executionName, String inputJson);

    enum StartOutcome {
        STARTED,
        ALREADY_EXISTS
    }
}
