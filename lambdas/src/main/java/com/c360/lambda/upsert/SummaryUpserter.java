package com.c360.lambda.upsert;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one staged run to {@code customer_purchase_summary}. The day is replaced and the affected summaries are
 * recomputed from the daily rows, never incremented, so a retried or replayed run cannot count twice.
 */
public final class SummaryUpserter {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryUpserter.class);

    private final SummaryStore store;

    public SummaryUpserter(SummaryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public UpsertResponse upsert(UpsertRequest request) {
        return store.inTransaction(tx -> {
            String runId = request.runId();
            StagedRun run = tx.lockRun(runId).orElseThrow(() -> new StagedRunNotFoundException(runId));
            if (!run.ingestionDate().equals(request.ingestionDate())) {
                throw new IngestionDateMismatchException(runId, request.ingestionDate(), run.ingestionDate());
            }
            int staged = tx.countStagedRows(runId);
            if (run.applied() && staged == 0) {
                LOG.info("Run already applied; nothing to do", entry("runId", runId));
                return UpsertResponse.alreadyApplied(runId, run.customersUpserted());
            }
            if (staged != run.stagedRows()) {
                throw new IncompleteStagingException(runId, run.stagedRows(), staged);
            }
            tx.lockSummaryWriters();
            if (tx.hasNewerAppliedRunOfSameDay(run)) {
                LOG.info("A later staging of the same day is already applied; discarding this run",
                        entry("runId", runId), entry("ingestionDate", run.ingestionDate().toString()));
                tx.deleteStagedRows(runId);
                tx.markApplied(runId, 0);
                return UpsertResponse.superseded(runId);
            }
            int customers = tx.replaceDayAndRecomputeSummaries(run);
            tx.deleteStagedRows(runId);
            tx.markApplied(runId, customers);
            LOG.info("Applied run", entry("runId", runId), entry("customersUpserted", customers));
            return UpsertResponse.applied(runId, customers);
        });
    }
}
