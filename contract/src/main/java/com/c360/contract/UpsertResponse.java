package com.c360.contract;

/**
 * {@code customersUpserted} is the number of staged customers that were newer than the summary's and so were applied.
 * {@code alreadyApplied} is true when nothing was written because the run had been applied before.
 */
public record UpsertResponse(String runId, int customersUpserted, boolean alreadyApplied) {

    public static UpsertResponse applied(String runId, int customersUpserted) {
        return new UpsertResponse(runId, customersUpserted, false);
    }

    public static UpsertResponse alreadyApplied(String runId, int customersUpserted) {
        return new UpsertResponse(runId, customersUpserted, true);
    }
}
