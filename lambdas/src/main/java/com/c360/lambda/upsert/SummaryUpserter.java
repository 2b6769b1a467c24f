package com.c360.lambda.upsert;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.c360.contract.UpsertRequest;
import com.c360.contract.UpsertResponse;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one staged run to {@code customer_purchase_summary}. Staged rows are whole recomputed customers, applied only
 * when computed from a newer silver than the last applied, never added up: a retried, replayed or late run cannot count
 * twice or overwrite newer data.
 */
public final class SummaryUpserter {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryUpserter.class);

    private final SummaryStore store;
    private final SummaryMetrics metrics;

    public SummaryUpserter(SummaryStore store, SummaryMetrics metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public UpsertResponse upsert(UpsertRequest request) {
        UpsertResponse response = applyInOneTransaction(request);
        // A replay writes no summary row, so it counts none: the metric's sum stays the number of customers actually
        // upserted.
        publishCustomersUpserted(response.runId(), response.alreadyApplied() ? 0 : response.customersUpserted());
        return response;
    }

    private UpsertResponse applyInOneTransaction(UpsertRequest request) {
        return store.inTransaction(tx -> {
            String runId = request.runId();
            StagedRun run = tx.lockRun(runId).orElseThrow(() -> new StagedRunNotFoundException(runId));
            if (!run.ingestionDate().equals(request.ingestionDate())) {
                throw new IngestionDateMismatchException(runId, request.ingestionDate(), run.ingestionDate());
            }
            StagedCount staged = tx.countStaged(runId);
            if (run.applied() && staged.rows() == 0) {
                LOG.info("Run already applied; nothing to do", entry("runId", runId));
                return UpsertResponse.alreadyApplied(runId, run.customersUpserted());
            }
            if (staged.rows() != run.stagedRows()) {
                throw new IncompleteStagingException(runId, run.stagedRows(), staged.rows());
            }
            if (staged.customers() != staged.rows()) {
                throw new DuplicateStagedCustomerException(runId, staged);
            }
            tx.lockSummaryWriters();
            int customers = tx.applyNewerChanges(run);
            tx.deleteStagedRows(runId);
            tx.markApplied(runId, customers);
            LOG.info("Applied run", entry("runId", runId), entry("customersUpserted", customers));
            return UpsertResponse.applied(runId, customers);
        });
    }

    /** After the commit, so a metric never counts a rolled-back run; failing now would fail a committed upsert. */
    private void publishCustomersUpserted(String runId, int customers) {
        try {
            metrics.customersUpserted(customers);
        } catch (RuntimeException e) {
            LOG.warn("CustomersUpserted not published", entry("runId", runId), entry("customersUpserted", customers),
                    e);
        }
    }
}
