package com.c360.lambda.upsert;

import java.time.LocalDate;

/** A {@code pipeline_run} row; {@code customersUpserted} is meaningful once {@code applied}. */
public record StagedRun(String runId, LocalDate ingestionDate, int stagedRows, boolean applied,
        int customersUpserted) {
}
