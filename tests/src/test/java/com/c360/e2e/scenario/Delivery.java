package com.c360.e2e.scenario;

import java.util.Optional;

/**
 * One S3 event for an upload reaching the trigger. The same upload can be delivered several times (S3 delivers at
 * least once, operators re-run executions), and each delivery may carry its own injected crash. The fault belongs to
 * the delivery, not the upload, so a redelivery of a crashed upload can run clean.
 */
public record Delivery(Upload upload, Optional<Fault> fault) {

    @Override
    public String toString() {
        return upload.label() + fault.map(f -> " [" + f + "]").orElse("");
    }
}
