package com.c360.e2e.scenario;

import java.util.List;

/**
 * What happens at one point of a scenario. A step with several deliveries is meant to run them concurrently; their
 * list order is deliberately not their upload order.
 */
public record Step(Kind kind, List<Delivery> deliveries) {

    public enum Kind {
        /** A new file, mostly new purchases (ids collide with earlier ones by chance, which makes them corrections). */
        NEW_FILE,
        /** A new file repeating earlier purchases unchanged (sometimes spelled differently) next to new ones. */
        REEXPORT,
        /** A new file changing earlier purchases: amount, currency, date, name, e-mail or customer. */
        CORRECTION,
        /** An earlier file uploaded again unchanged: a new upload, so the newest again for its purchases. */
        REUPLOAD,
        /** An earlier upload's event delivered again: the same upload, which must change nothing. */
        DUPLICATE_DELIVERY,
        /** An upload's first delivery arriving after newer uploads were delivered: it must not overwrite them. */
        STALE_DELIVERY,
        /** 2-8 uploads for one ingestion day and overlapping customers and purchases, delivered together. */
        CONCURRENT
    }

    public Step {
        if (deliveries.isEmpty()) {
            throw new IllegalArgumentException("a step delivers at least one upload");
        }
        deliveries = List.copyOf(deliveries);
    }
}
