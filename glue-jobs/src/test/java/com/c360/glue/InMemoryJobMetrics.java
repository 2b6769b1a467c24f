package com.c360.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link JobMetrics} that keeps what a job published, or fails every publish like an unreachable CloudWatch. */
public final class InMemoryJobMetrics implements JobMetrics {
    private final List<Map<String, Long>> published = new ArrayList<>();
    private final boolean failing;

    private InMemoryJobMetrics(boolean failing) {
        this.failing = failing;
    }

    public static InMemoryJobMetrics recording() {
        return new InMemoryJobMetrics(false);
    }

    public static InMemoryJobMetrics failing() {
        return new InMemoryJobMetrics(true);
    }

    @Override
    public void publishCounts(Map<String, Long> counts) {
        if (failing) {
            throw new IllegalStateException("CloudWatch unreachable (simulated)");
        }
        published.add(Map.copyOf(counts));
    }

    /** Each publish call's counts, in call order. */
    public List<Map<String, Long>> published() {
        return List.copyOf(published);
    }
}
