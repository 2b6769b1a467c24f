package com.c360.local;

import java.util.Collections;
import java.util.LinkedHashMap;
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
}
