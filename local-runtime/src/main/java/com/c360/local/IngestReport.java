package com.c360.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one local execution did to one file, for the CLI's run summary.
 *
 * @param seconds wall time of the whole ingestion: upload, trigger and execution
 * @param stageSeconds wall seconds of each state the execution finished, in the order they ran (a state entered
 *     twice counts its total); empty when no execution ran
 */
public record IngestReport(
        String file,
        String executionName,
        boolean succeeded,
        long rowsRead,
        long rowsValid,
        long rowsQuarantined,
        long duplicatesCollapsed,
        long customersUpserted,
        double seconds,
        Map<String, Double> stageSeconds,
        String error) {

    public IngestReport {
        stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    }

    /** The run summary the CLI prints for this file: one line, and the row counts when it succeeded. */
    public String summary() {
        if (!succeeded) {
            return String.format(Locale.ROOT, "%s: FAILED after %.1f s (execution %s): %s%n",
                    file, seconds, executionName, error);
        }
        return String.format(Locale.ROOT, "%s: succeeded in %.1f s (execution %s)%n"
                        + "  rows read %d, valid %d, quarantined %d, duplicates collapsed %d, customers upserted %d%n",
                file, seconds, executionName, rowsRead, rowsValid,
                rowsQuarantined, duplicatesCollapsed, customersUpserted);
    }
}
