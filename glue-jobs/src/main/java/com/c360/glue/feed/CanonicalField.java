package com.c360.glue.feed;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The eight raw columns of the canonical purchase, in the order of the raw schema ({@code BronzeCsvReader}'s
 * contract columns), which the validator checks and converts.
 */
public enum CanonicalField {
    CUSTOMER_ID,
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    PURCHASE_ID,
    PURCHASE_DATE,
    AMOUNT,
    CURRENCY;

    /**
     * A feed's date-times are converted to a purchase date in this zone, the zone of the lake's ingestion dates, so
     * that feeds in different zones agree on which day a moment belongs to. A feed that writes dates without a time
     * keeps the date as written.
     */
    public static final ZoneId PURCHASE_DATE_ZONE = ZoneOffset.UTC;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Fields a feed may declare {@code absent}: the validator needs every other one. */
    public boolean mayBeAbsent() {
        return this == FIRST_NAME || this == LAST_NAME || this == EMAIL;
    }
}
