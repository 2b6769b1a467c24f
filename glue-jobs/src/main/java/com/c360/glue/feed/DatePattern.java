package com.c360.glue.feed;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** What a contract's {@code java.time} date pattern holds, read from its letters outside quoted literals. */
final class DatePattern {
    private DatePattern() {
    }

    /**
     * A strict formatter: February 30th fails instead of becoming the 28th. Strict resolution reads {@code y} as
     * year-of-era, which needs an era, so the pattern's {@code y} becomes the proleptic year {@code u}.
     */
    static DateTimeFormatter formatter(String pattern) {
        StringBuilder converted = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            converted.append(!quoted && c == 'y' ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(converted.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    static boolean hasTimeOfDay(String pattern) {
        return letters(pattern).chars().anyMatch(c -> "HhKk".indexOf(c) >= 0);
    }

    static boolean hasOffset(String pattern) {
        return letters(pattern).chars().anyMatch(c -> "VzOXxZ".indexOf(c) >= 0);
    }

    static boolean hasDayMonthYear(String pattern) {
        String letters = letters(pattern);
        return letters.contains("d") && (letters.contains("M") || letters.contains("L"))
                && (letters.contains("y") || letters.contains("u"));
    }

    private static String letters(String pattern) {
        StringBuilder letters = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && Character.isLetter(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
