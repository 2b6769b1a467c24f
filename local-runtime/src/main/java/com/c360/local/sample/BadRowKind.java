package com.c360.local.sample;

/** The kinds of broken input the pipeline must quarantine or collapse; the generator plants each deliberately. */
public enum BadRowKind {
    MISSING_CUSTOMER_ID,
    NON_NUMERIC_AMOUNT,
    BAD_DATE,
    NEGATIVE_AMOUNT,
    UNKNOWN_CURRENCY,
    /** The same line twice, byte for byte. */
    EXACT_DUPLICATE,
    /** A purchase_id already used by another row of the file, with a different amount. */
    CONFLICTING_DUPLICATE
}
