package com.c360.glue.feed;

import java.io.Serializable;
import java.util.List;

/**
 * How a file's header differs from its feed's contract, when the difference does not break the file (a missing
 * required column does, and fails before a drift exists).
 *
 * @param additive columns the contract does not know, as written in the header: accepted and recorded
 * @param missingOptional columns the contract lists as optional that the header lacks
 */
public record SchemaDrift(List<String> additive, List<String> missingOptional) implements Serializable {
    public SchemaDrift {
        additive = List.copyOf(additive);
        missingOptional = List.copyOf(missingOptional);
    }

    public boolean isNone() {
        return additive.isEmpty() && missingOptional.isEmpty();
    }
}
