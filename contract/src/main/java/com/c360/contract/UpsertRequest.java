package com.c360.contract;

import java.time.LocalDate;

/** The state machine's payload: {@code {"runId": $$.Execution.Name, "ingestionDate": $.ingestionDate}}. */
public record UpsertRequest(String runId, LocalDate ingestionDate) {

    public UpsertRequest {
        if (runId == null || runId.isBlank()) {
            throw new InvalidUpsertRequestException("runId is required");
        }
        if (ingestionDate == null) {
            throw new InvalidUpsertRequestException("ingestionDate is required");
        }
    }
}
