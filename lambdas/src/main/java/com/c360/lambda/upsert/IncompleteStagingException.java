package com.c360.lambda.upsert;

/**
 * The staging table holds a different number of rows than the run recorded when it staged. Applying it would
 * leave out some of the run's customers, so the upsert refuses; re-running the gold→RDS job restages the run. The
 * staging table is unlogged: a crash or failover of the database empties it while {@code pipeline_run} keeps the
 * recorded count, so this is also how a run staged before a crash fails.
 */
public class IncompleteStagingException extends RuntimeException {
    public IncompleteStagingException(String runId, int recorded, int found) {
        super("Run '" + runId + "' recorded " + recorded + " staged rows but " + found + " are staged");
    }
}
