package com.c360.glue.feed;

import com.c360.glue.silver.QuarantineReason;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One source record mapped to the canonical raw strings the validator reads (ISO date, plain decimal, whole-number
 * ids, currency code), or rejected by the feed: then {@code reason}, {@code detail} and {@code rule} say why, and
 * {@code canonical} still holds what could be mapped, for quarantine: a date that failed to parse as its source text,
 * an amount that could not be computed as null (the detail names the column and its value).
 *
 * @param canonical in {@link CanonicalField} order; null where the source is empty or the field absent
 * @param rule the contract rule that rejected the row: a row rule's name, {@code policy.<name>} or
 *     {@code mapping.<canonical field>}; null when not rejected
 * @param uniqueKeys one key per {@link FeedContract#uniqueRules()}, null where the row has none
 */
public record MappedRecord(List<String> canonical, QuarantineReason reason, String detail, String rule,
        List<String> uniqueKeys) {

    static MappedRecord of(String[] canonical, Rejection rejection, String[] uniqueKeys) {
        return new MappedRecord(Collections.unmodifiableList(Arrays.asList(canonical)),
                rejection == null ? null : rejection.reason(), rejection == null ? null : rejection.detail(),
                rejection == null ? null : rejection.rule(), Collections.unmodifiableList(Arrays.asList(uniqueKeys)));
    }

    record Rejection(QuarantineReason reason, String detail, String rule) {
    }

    public boolean rejected() {
        return reason != null;
    }

    public String value(CanonicalField field) {
        return canonical.get(field.ordinal());
    }

    MappedRecord rejectedBy(QuarantineReason newReason, String newDetail, String newRule) {
        return new MappedRecord(canonical, newReason, newDetail, newRule, uniqueKeys);
    }
}
