package com.c360.local;

/** What one local execution did to one file, for the CLI's run summary. */
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
        String error) {
}
