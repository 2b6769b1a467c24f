package com.c360.glue.feed;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A named check on a row's source values; a row that fails one goes to quarantine as {@code rule_violation} with the
 * rule's name. Rules run in contract order and the first failure is the row's reason. Like SQL constraints, only
 * {@link NotNull} rejects a missing (empty) value; the other checks pass it.
 */
public sealed interface RowRule extends Serializable {
    String name();

    List<String> columns();

    /** Why the row fails this rule, or empty; {@code valueOf} gives a column's trimmed value, null when empty. */
    Optional<String> violation(Function<String, String> valueOf);

    /** A check of one column's non-empty value: an empty value passes it, as SQL's checks pass NULL. */
    sealed interface OfColumn extends RowRule {
        String column();

        /** Why {@code text}, the column's non-empty value, fails the rule, or empty. */
        Optional<String> violation(String text);

        @Override
        default List<String> columns() {
            return List.of(column());
        }

        @Override
        default Optional<String> violation(Function<String, String> valueOf) {
            String text = valueOf.apply(column());
            return text == null ? Optional.empty() : violation(text);
        }
    }

    record NotNull(String name, String column) implements RowRule {
        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public Optional<String> violation(Function<String, String> valueOf) {
            return valueOf.apply(column) == null ? Optional.of(column + " is empty") : Optional.empty();
        }
    }

    /** Inclusive bounds; either may be null. A value that is not a plain decimal fails. */
    record Range(String name, String column, BigDecimal min, BigDecimal max) implements OfColumn {
        @Override
        public Optional<String> violation(String text) {
            Optional<BigDecimal> value = PlainDecimal.parse(text);
            if (value.isEmpty()) {
                return Optional.of(column + " '" + text + "' is not a number");
            }
            boolean below = min != null && value.get().compareTo(min) < 0;
            boolean above = max != null && value.get().compareTo(max) > 0;
            return below || above
                    ? Optional.of(column + " " + text + " is outside [" + bound(min) + ", " + bound(max) + "]")
                    : Optional.empty();
        }

        private static String bound(BigDecimal value) {
            return value == null ? "unbounded" : value.toPlainString();
        }
    }

    /** {@code values} are kept lower-cased when the rule ignores case. */
    record AllowedValues(String name, String column, Set<String> values, boolean caseSensitive) implements OfColumn {
        @Override
        public Optional<String> violation(String text) {
            String key = caseSensitive ? text : text.toLowerCase(Locale.ROOT);
            return values.contains(key) ? Optional.empty()
                    : Optional.of(column + " '" + text + "' is not one of the allowed values");
        }
    }

    /** The whole value must match. */
    record Matches(String name, String column, Pattern regex) implements OfColumn {
        @Override
        public Optional<String> violation(String text) {
            return regex.matcher(text).matches() ? Optional.empty()
                    : Optional.of(column + " '" + text + "' does not match " + regex.pattern());
        }
    }

    /**
     * The combination of {@code columns} occurs once in the file. It needs the whole file, so the mapper only
     * computes each row's key ({@link MappedRecord#uniqueKeys()}) and the Spark side decides, as
     * {@link UniqueRules#apply} does in plain Java: every row whose key occurs more than once fails (all occurrences,
     * like conflicting duplicates). A key with an empty part is not checked, and a malformed row has no key. A row
     * already rejected for another reason keeps that reason but its key still counts.
     */
    record Unique(String name, List<String> columns) implements RowRule {
        @Override
        public Optional<String> violation(Function<String, String> valueOf) {
            return Optional.empty();
        }
    }
}
