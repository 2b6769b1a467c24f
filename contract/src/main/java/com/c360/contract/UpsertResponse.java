package com.c360.contract;

/**
 * {@code customersUpserted} is the number of customers staged for the run. {@code alreadyApplied} is true when
 * nothing was written because the run had been applied before, or because a later staging of the same day has
 * already been applied ({@code superseded}, whose data includes this run's).
 */
public record UpsertResponse(String runId, int customersUpserted, boolean alreadyApplied, boolean superseded) {

    public static UpsertResponse applied(String runId, int customersUpserted) {
        return new UpsertResponse(runId, customersUpserted, false, false);
    }

    public static UpsertResponse alreadyApplied(String runId, int customersUpserted) {
        return new UpsertResponse(runId, customersUpserted, true, false);
    }

    public static UpsertResponse superseded(String runId) {
        return new UpsertResponse(runId, 0, true, true);
    }
}
