package com.c360.local;

import com.c360.glue.silver.ReplayRecord;
import java.util.Locale;
import java.util.Optional;

/**
 * What one local replay execution did, for the CLI.
 *
 * @param record the replay record bronze→silver wrote, if it got that far
 */
public record ReplayReport(String executionName, boolean succeeded, Optional<ReplayRecord> record,
        long customersUpserted, double seconds, String error) {

    public String summary() {
        if (!succeeded) {
            return String.format(Locale.ROOT, "replay FAILED after %.1f s (execution %s): %s%n", seconds,
                    executionName, error);
        }
        ReplayRecord done = record.orElseThrow();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "replay of %s=%s: succeeded in %.1f s (execution %s)%n"
                        + "  rows selected %d, replayed out of quarantine %d, still quarantined %d%n"
                        + "  silver: %s, %d new purchases, %d corrections, %d customers touched;"
                        + " customers upserted %d%n",
                done.selector(), done.value(), seconds, executionName, done.rowsSelected(), done.rowsReplayed(),
                done.rowsSelected() - done.rowsReplayed(), done.silver().outcome(), done.silver().purchasesInserted(),
                done.silver().purchasesCorrected(), done.silver().customersTouched(), customersUpserted));
        done.stillQuarantinedByReason().forEach((reason, rows) ->
                text.append(String.format(Locale.ROOT, "  still quarantined as %s: %d%n", reason, rows)));
        return text.toString();
    }
}
