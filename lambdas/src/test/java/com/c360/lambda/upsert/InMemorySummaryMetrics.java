package com.c360.lambda.upsert;

import java.util.ArrayList;
import java.util.List;

/** {@link SummaryMetrics} that keeps each published count, or fails every publish. */
final class InMemorySummaryMetrics implements SummaryMetrics {
    private final List<Integer> customersUpserted = new ArrayList<>();
    private boolean failing;

    @Override
    public void customersUpserted(int customers) {
        if (failing) {
            throw new IllegalStateException("metrics sink unavailable (simulated)");
        }
        customersUpserted.add(customers);
    }

    void failEveryPublish() {
        failing = true;
    }

    /** The published CustomersUpserted data points, in order. */
    List<Integer> customersUpserted() {
        return List.copyOf(customersUpserted);
    }
}
