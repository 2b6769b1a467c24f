package com.c360.lambda.trigger;

import java.util.List;

/** What one S3 event did: executions started, deliveries already started before, and objects that are not CSVs. */
public record TriggerResult(List<Execution> started, List<Execution> duplicates, List<String> skippedKeys) {

    public TriggerResult {
        started = List.copyOf(started);
        duplicates = List.copyOf(duplicates);
        skippedKeys = List.copyOf(skippedKeys);
    }

    public record Execution(String name, String bucket, String key, String ingestionDate) {
    }
}
