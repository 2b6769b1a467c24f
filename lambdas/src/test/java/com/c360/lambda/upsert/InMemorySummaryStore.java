package com.c360.lambda.upsert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The orchestration's view of the database as plain maps: enough to drive every branch of {@link SummaryUpserter}
 * and to record which steps ran in which order. The SQL itself is covered by {@code UpsertHandlerIT}.
 */
final class InMemorySummaryStore implements SummaryStore, SummaryTransaction {
    private final Map<String, StagedRun> runs = new HashMap<>();
    private final Map<String, Integer> stagedRowCounts = new HashMap<>();
    private final Set<String> runsWithNewerAppliedRun = new HashSet<>();
    private final List<String> steps = new ArrayList<>();
    private int transactions;

    void stage(String runId, String ingestionDate, int rows) {
        runs.put(runId, new StagedRun(runId, java.time.LocalDate.parse(ingestionDate), rows, false, 0));
        stagedRowCounts.put(runId, rows);
    }

    void markApplied(String runId, String ingestionDate, int customersUpserted) {
        runs.put(runId, new StagedRun(runId, java.time.LocalDate.parse(ingestionDate), customersUpserted, true,
                customersUpserted));
        stagedRowCounts.remove(runId);
    }

    void loseStagedRows(String runId, int remaining) {
        stagedRowCounts.put(runId, remaining);
    }

    void newerRunAppliedFor(String runId) {
        runsWithNewerAppliedRun.add(runId);
    }

    List<String> steps() {
        return steps;
    }

    int transactions() {
        return transactions;
    }

    StagedRun run(String runId) {
        return runs.get(runId);
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        transactions++;
        return work.run(this);
    }

    @Override
    public Optional<StagedRun> lockRun(String runId) {
        steps.add("lockRun");
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public int countStagedRows(String runId) {
        return stagedRowCounts.getOrDefault(runId, 0);
    }

    @Override
    public void lockSummaryWriters() {
        steps.add("lockSummaryWriters");
    }

    @Override
    public boolean hasNewerAppliedRunOfSameDay(StagedRun run) {
        return runsWithNewerAppliedRun.contains(run.runId());
    }

    @Override
    public int replaceDayAndRecomputeSummaries(StagedRun run) {
        steps.add("replaceDay");
        return stagedRowCounts.get(run.runId());
    }

    @Override
    public void deleteStagedRows(String runId) {
        steps.add("deleteStagedRows");
        stagedRowCounts.remove(runId);
    }

    @Override
    public void markApplied(String runId, int customersUpserted) {
        steps.add("markApplied:" + customersUpserted);
        StagedRun run = runs.get(runId);
        runs.put(runId, new StagedRun(runId, run.ingestionDate(), run.stagedRows(), true, customersUpserted));
    }
}
