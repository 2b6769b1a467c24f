package com.c360.lambda.upsert;

/** No {@code pipeline_run} row: the gold→RDS job never staged this run, so there is nothing to apply. */
public class StagedRunNotFoundException extends RuntimeException {
    public StagedRunNotFoundException(String runId) {
        super("Run '" + runId + "' was never staged (no pipeline_run row)");
    }
}
