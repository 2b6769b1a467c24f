package com.c360.glue.silver;

/** Why a bronze row did not reach silver. The code is what the quarantine table and the audit record carry. */
public enum QuarantineReason {
    MALFORMED_ROW,
    FIELD_TOO_LONG,
    INVALID_CHARACTER,
    MISSING_CUSTOMER_ID,
    MISSING_PURCHASE_ID,
    MISSING_PURCHASE_DATE,
    MISSING_AMOUNT,
    MISSING_CURRENCY,
    NON_NUMERIC_CUSTOMER_ID,
    NON_NUMERIC_PURCHASE_ID,
    NON_NUMERIC_AMOUNT,
    AMOUNT_OUT_OF_RANGE,
    BAD_DATE,
    DATE_OUT_OF_RANGE,
    NEGATIVE_AMOUNT,
    UNKNOWN_CURRENCY,
    NO_FX_RATE,
    CONFLICTING_DUPLICATE,
    CUSTOMER_TOTAL_OUT_OF_RANGE,
    /** A row rule of the feed's contract failed; the rule's name goes with it. */
    RULE_VIOLATION,
    /** The feed's {@code zero_price: quarantine} policy. */
    ZERO_PRICE,
    /** The feed's cancellation policy is {@code quarantine}. */
    CANCELLED_INVOICE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
