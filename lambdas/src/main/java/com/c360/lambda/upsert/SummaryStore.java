package com.c360.lambda.upsert;

/** Runs upsert work in one database transaction: committed when the work returns, rolled back when it throws. */
public interface SummaryStore {

    <T> T inTransaction(TransactionWork<T> work);

    @FunctionalInterface
    interface TransactionWork<T> {
        T run(SummaryTransaction transaction);
    }
}
