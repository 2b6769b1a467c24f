package com.c360.glue.silver;

/** Why a bronze row did not reach silver. The code is what the quarantine table and the audit record carry. */
public enum QuarantineReason {
    MALFORMED_ROW,
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
    NEGATIVE_AMOUNT,
    UNKNOWN_CURRENCY,
    NO_FX_RATE,
    CONFLICTING_DUPLICATE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
