package com.c360.lambda.trigger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An S3 record that cannot become an execution (e.g. {@code month=13} in its key). The handler still starts the
 * event's other records, then throws this so the asynchronous invoke retries and finally lands the event in the
 * on-failure destination; the retries are harmless because execution names are deterministic.
 */
public class InvalidEventRecordException extends RuntimeException {

    public InvalidEventRecordException(String key, String reason) {
        super("Cannot start a pipeline for key '" + key + "': " + reason);
    }

    private InvalidEventRecordException(String message) {
        super(message);
    }

    static InvalidEventRecordException forRejected(List<InvalidEventRecordException> rejected) {
        String message = rejected.size() + " record(s) rejected: "
                + rejected.stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
        InvalidEventRecordException summary = new InvalidEventRecordException(message);
        rejected.forEach(summary::addSuppressed);
        return summary;
    }
}
