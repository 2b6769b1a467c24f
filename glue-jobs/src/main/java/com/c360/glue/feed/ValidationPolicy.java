package com.c360.glue.feed;

import java.io.Serializable;

/**
 * What a feed's contract changes in the validator's canonical checks.
 *
 * @param allowNegativeAmounts returns net against spend ({@code negative_amounts: net}) instead of going to
 *     quarantine as {@code negative_amount}
 * @param derivedPurchaseIds the feed's purchase ids are derived from a key ({@link PurchaseKeys}), so 19-digit ids
 *     in {@code [PurchaseKeys.DERIVED_MIN, Long.MAX_VALUE]} are valid; a plain id keeps at most 18 digits
 */
public record ValidationPolicy(boolean allowNegativeAmounts, boolean derivedPurchaseIds) implements Serializable {
    /** The seed layout's checks, unchanged. */
    public static final ValidationPolicy SEED = new ValidationPolicy(false, false);
}
