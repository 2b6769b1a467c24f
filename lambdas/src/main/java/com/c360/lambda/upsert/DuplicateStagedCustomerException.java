package com.c360.lambda.upsert;

/**
 * The run staged some customer more than once. Gold holds one row per customer, so this is a broken staging; applying
 * it would take one of a customer's rows at random, so the upsert refuses and writes nothing. The staging table has no
 * unique key (it would bound the load's speed), so this check is what keeps a run to one row per customer.
 */
public class DuplicateStagedCustomerException extends RuntimeException {
    public DuplicateStagedCustomerException(String runId, StagedCount staged) {
        super("Run '" + runId + "' staged " + staged.rows() + " rows for " + staged.customers()
                + " distinct customers; re-run the execution to stage it again from gold");
    }
}
