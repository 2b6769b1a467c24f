package com.c360.lambda.upsert;

import java.util.Optional;

/** The steps of applying one staged run, each inside the transaction {@link SummaryStore} opened. */
public interface SummaryTransaction {

    /** Locks and reads the run's {@code pipeline_run} row, so two invocations for one run take turns. */
    Optional<StagedRun> lockRun(String runId);

    /** The run's staged rows and their distinct customers. */
    StagedCount countStaged(String runId);

    /** Serializes every writer of the summary tables until the transaction ends. */
    void lockSummaryWriters();

    /**
     * Applies each staged customer whose silver version is newer than the one applied last: upserts its summary row,
     * or deletes it when the customer has no purchases left.
     *
     * @return the number of staged customers that were newer, and so applied
     */
    int applyNewerChanges(StagedRun run);

    void deleteStagedRows(String runId);

    void markApplied(String runId, int customersUpserted);
}
