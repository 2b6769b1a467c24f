package com.c360.lambda.upsert;

import java.util.Optional;

/** The steps of applying one staged run, each inside the transaction {@link SummaryStore} opened. */
public interface SummaryTransaction {

    /** Locks and reads the run's {@code pipeline_run} row, so two invocations for one run take turns. */
    Optional<StagedRun> lockRun(String runId);

    int countStagedRows(String runId);

    /** Serializes every writer of the summary tables until the transaction ends. */
    void lockSummaryWriters();

    /** Whether a run of the same day that staged later (so read newer gold) has already been applied. */
    boolean hasNewerAppliedRunOfSameDay(StagedRun run);

    /**
     * Replaces the run's ingestion day in {@code customer_daily_purchase} with its staged rows and recomputes the
     * summary of every customer that had or now has a row that day.
     *
     * @return the number of customers staged for the run
     */
    int replaceDayAndRecomputeSummaries(StagedRun run);

    void deleteStagedRows(String runId);

    void markApplied(String runId, int customersUpserted);
}
