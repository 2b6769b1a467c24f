package com.c360.lambda.upsert;

import java.time.LocalDate;

/** The payload names a different ingestion day than the one the run was staged for. */
public class IngestionDateMismatchException extends RuntimeException {
    public IngestionDateMismatchException(String runId, LocalDate requested, LocalDate staged) {
        super("Run '" + runId + "' was staged for " + staged + " but the request names " + requested);
    }
}
