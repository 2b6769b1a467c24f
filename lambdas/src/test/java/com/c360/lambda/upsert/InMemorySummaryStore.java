package com.c360.lambda.upsert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The upsert's tables as maps: {@code pipeline_run}, the staged rows of each run, {@code customer_summary_version} and
 * {@code customer_purchase_summary}, with {@link #applyNewerChanges} following the SQL's rules, so unit tests can
 * check what a run leaves behind and not only which steps ran. {@code updated_at} is the number of the transaction
 * that last wrote the row. The SQL itself is covered by {@code UpsertHandlerIT}.
 */
final class InMemorySummaryStore implements SummaryStore, SummaryTransaction {
    private final Map<String, StagedRun> runs = new HashMap<>();
    private final Map<String, List<StagedCustomer>> stagedByRun = new HashMap<>();
    private final Map<Long, Long> appliedVersions = new TreeMap<>();
    private final Map<Long, Summary> summaries = new TreeMap<>();
    private final List<String> steps = new ArrayList<>();
    private int transactions;

    /** A {@code customer_purchase_summary_staging} row; purchaseCount 0 leaves the other figures null. */
    record StagedCustomer(long customerId, String fullName, String email, BigDecimal totalSpentAud,
            int purchaseCount, LocalDate firstPurchaseDate, LocalDate lastPurchaseDate, Long latestPurchaseId,
            long silverVersion) {

        static StagedCustomer bought(long customerId, String name, String total, String first, String last,
                long silverVersion) {
            String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
            return new StagedCustomer(customerId, name, email, new BigDecimal(total), 1,
                    LocalDate.parse(first), LocalDate.parse(last), customerId * 100, silverVersion);
        }

        static StagedCustomer emptied(long customerId, long silverVersion) {
            return new StagedCustomer(customerId, null, null, null, 0, null, null, null, silverVersion);
        }
    }

    /** A {@code customer_purchase_summary} row. */
    record Summary(String fullName, String email, BigDecimal totalSpentAud, LocalDate firstPurchaseDate,
            LocalDate lastPurchaseDate, int updatedInTransaction) {

        boolean sameValuesAs(StagedCustomer staged) {
            // NUMERIC compares by value: 10.5 and 10.50 are not distinct.
            return Objects.equals(fullName, staged.fullName()) && Objects.equals(email, staged.email())
                    && totalSpentAud.compareTo(staged.totalSpentAud()) == 0
                    && firstPurchaseDate.equals(staged.firstPurchaseDate())
                    && lastPurchaseDate.equals(staged.lastPurchaseDate());
        }
    }

    /**
     * What the gold→RDS job does: replaces the run's staging and {@code pipeline_run} row, not yet applied. Like the
     * staging table, it keeps every row given, a customer given twice included.
     */
    void stage(String runId, String ingestionDate, StagedCustomer... rows) {
        stagedByRun.put(runId, List.of(rows));
        runs.put(runId, new StagedRun(runId, LocalDate.parse(ingestionDate), rows.length, false, 0));
    }

    /** A run applied by an earlier invocation, its staging gone. */
    void appliedEarlier(String runId, String ingestionDate, int customersUpserted) {
        runs.put(runId, new StagedRun(runId, LocalDate.parse(ingestionDate), customersUpserted, true,
                customersUpserted));
        stagedByRun.remove(runId);
    }

    /** Drops all but the run's first {@code remaining} staged rows, leaving its recorded count as it was. */
    void loseStagedRows(String runId, int remaining) {
        stagedByRun.put(runId, stagedByRun.get(runId).stream().limit(remaining).toList());
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

    Map<Long, Summary> summaries() {
        return Map.copyOf(summaries);
    }

    Map<Long, Long> appliedVersions() {
        return Map.copyOf(appliedVersions);
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
    public StagedCount countStaged(String runId) {
        List<StagedCustomer> staged = stagedByRun.getOrDefault(runId, List.of());
        return new StagedCount(staged.size(),
                Math.toIntExact(staged.stream().map(StagedCustomer::customerId).distinct().count()));
    }

    @Override
    public void lockSummaryWriters() {
        steps.add("lockSummaryWriters");
    }

    @Override
    public int applyNewerChanges(StagedRun run) {
        steps.add("applyNewerChanges");
        int newer = 0;
        for (StagedCustomer staged : stagedByRun.getOrDefault(run.runId(), List.of())) {
            Long applied = appliedVersions.get(staged.customerId());
            if (applied != null && applied >= staged.silverVersion()) {
                continue;
            }
            newer++;
            appliedVersions.put(staged.customerId(), staged.silverVersion());
            Summary current = summaries.get(staged.customerId());
            if (staged.purchaseCount() == 0) {
                summaries.remove(staged.customerId());
            } else if (current == null || !current.sameValuesAs(staged)) {
                summaries.put(staged.customerId(), new Summary(staged.fullName(), staged.email(),
                        staged.totalSpentAud(), staged.firstPurchaseDate(), staged.lastPurchaseDate(),
                        transactions));
            }
        }
        return newer;
    }

    @Override
    public void deleteStagedRows(String runId) {
        steps.add("deleteStagedRows");
        stagedByRun.remove(runId);
    }

    @Override
    public void markApplied(String runId, int customersUpserted) {
        steps.add("markApplied:" + customersUpserted);
        StagedRun run = runs.get(runId);
        runs.put(runId, new StagedRun(runId, run.ingestionDate(), run.stagedRows(), true, customersUpserted));
    }
}
