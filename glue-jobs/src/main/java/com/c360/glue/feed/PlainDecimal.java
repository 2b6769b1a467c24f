package com.c360.glue.feed;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** The number syntax of contract v1: no exponent, no thousands separators, no currency symbols, no NaN. */
final class PlainDecimal {
    private static final Pattern SYNTAX = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private PlainDecimal() {
    }

    static Optional<BigDecimal> parse(String text) {
        return text != null && SYNTAX.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }
}
