package com.c360.glue.feed;

import com.c360.glue.silver.DuplicateColumnException;
import com.c360.glue.silver.MissingRequiredColumnException;
import com.c360.glue.silver.QuarantineReason;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed contract resolved against one file's header: maps each record to the canonical raw strings. Serializable,
 * so the reader's Spark tasks take it along; built once per file in the driver.
 *
 * <p>A record is checked in this order, and the first failure is its reason: the field count
 * ({@code malformed_row}), the mapping of each canonical field in {@link CanonicalField} order (a date not in the
 * feed's format: {@code bad_date}; a quantity or unit price that is not a number: {@code non_numeric_amount}), the
 * cancellation and zero-price policies, then the row rules in contract order. Everything else (missing values, id
 * syntax, ranges, currency, FX, negative amounts per {@link ValidationPolicy}) stays with the validator, which sees
 * the mapped values.
 */
public final class FeedMapper implements Serializable {
    private static final Pattern FLOAT_WHOLE_NUMBER = Pattern.compile("(\\d+)\\.0*");

    private final FeedContract contract;
    private final int fieldCount;
    private final Map<String, Integer> positions;
    private final SchemaDrift drift;
    private final List<RowRule.Unique> uniqueRules;
    /**
     * Built on first use in each JVM (a formatter is not serializable). Each field is one immutable object, so a
     * mapper shared between threads (a broadcast) at worst builds or parses twice.
     */
    private transient DateFormat dateFormat;
    /** The lines of one invoice share its date-time, and parsing it costs more than the rest of a record's mapping. */
    private transient ParsedDate lastDate;

    private record DateFormat(DateTimeFormatter formatter, boolean hasTime, boolean hasOffset) {
    }

    private record ParsedDate(String text, Optional<LocalDate> date) {
    }

    private FeedMapper(FeedContract contract, int fieldCount, Map<String, Integer> positions, SchemaDrift drift) {
        this.contract = contract;
        this.fieldCount = fieldCount;
        this.positions = positions;
        this.drift = drift;
        this.uniqueRules = contract.uniqueRules();
    }

    static FeedMapper resolve(FeedContract contract, List<String> header, String source) {
        Map<String, Integer> byKey = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (byKey.putIfAbsent(contract.headerKey(header.get(i)), i) != null) {
                repeated.add(contract.headerKey(header.get(i)));
            }
        }
        Map<String, Integer> positions = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String column : contract.requiredColumns()) {
            String key = contract.headerKey(column);
            if (repeated.contains(key)) {
                throw new DuplicateColumnException(source, column);
            }
            Integer position = byKey.get(key);
            if (position == null) {
                missing.add(column);
            } else {
                positions.put(column, position);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingRequiredColumnException(source, missing, header);
        }
        List<String> known = new ArrayList<>();
        contract.requiredColumns().forEach(c -> known.add(contract.headerKey(c)));
        contract.optionalColumns().forEach(c -> known.add(contract.headerKey(c)));
        List<String> additive = header.stream().filter(h -> !known.contains(contract.headerKey(h))).toList();
        List<String> missingOptional = contract.optionalColumns().stream()
                .filter(c -> !byKey.containsKey(contract.headerKey(c))).toList();
        SchemaDrift drift = new SchemaDrift(additive, missingOptional);
        DatasetRules.Outcome driftRule = contract.datasetRules().schemaDrift(drift);
        if (!driftRule.passed()) {
            throw new DatasetRuleFailedException(driftRule);
        }
        return new FeedMapper(contract, header.size(), Map.copyOf(positions), drift);
    }

    public FeedContract contract() {
        return contract;
    }

    public SchemaDrift drift() {
        return drift;
    }

    /** One record's values, as the CSV reader split them. */
    public MappedRecord map(List<String> values) {
        String[] canonical = new String[CanonicalField.values().length];
        String[] uniqueKeys = new String[uniqueRules.size()];
        if (values.size() != fieldCount) {
            sourceColumns().forEach((field, column) -> canonical[field.ordinal()] = valueAt(values, column));
            return MappedRecord.of(canonical, new MappedRecord.Rejection(QuarantineReason.MALFORMED_ROW,
                    "expected " + fieldCount + " fields, found " + values.size(), "mapping.row"), uniqueKeys);
        }
        FeedContract.Mapping mapping = contract.mapping();
        FeedContract.Policies policies = contract.policies();
        MappedRecord.Rejection rejection = null;

        String customerId = value(values, mapping.customerId().column());
        if (customerId == null && policies.assignMissingCustomerTo() != null) {
            customerId = policies.assignMissingCustomerTo().toString();
        } else if (customerId != null && mapping.customerId().floatText()) {
            Matcher whole = FLOAT_WHOLE_NUMBER.matcher(customerId);
            customerId = whole.matches() ? whole.group(1) : customerId;
        }
        canonical[CanonicalField.CUSTOMER_ID.ordinal()] = customerId;
        canonical[CanonicalField.FIRST_NAME.ordinal()] = value(values, mapping.firstNameColumn());
        canonical[CanonicalField.LAST_NAME.ordinal()] = value(values, mapping.lastNameColumn());
        canonical[CanonicalField.EMAIL.ordinal()] = value(values, mapping.emailColumn());
        canonical[CanonicalField.PURCHASE_ID.ordinal()] = purchaseId(values);

        FeedContract.PurchaseDate date = mapping.purchaseDate();
        String dateText = value(values, date.column());
        canonical[CanonicalField.PURCHASE_DATE.ordinal()] = dateText;
        if (dateText != null && date.format() != null) {
            Optional<LocalDate> parsed = parseDate(dateText);
            if (parsed.isPresent()) {
                canonical[CanonicalField.PURCHASE_DATE.ordinal()] = parsed.get().toString();
            } else {
                rejection = new MappedRecord.Rejection(QuarantineReason.BAD_DATE, date.column() + " '" + dateText
                        + "' is not a date in the format " + date.format(), "mapping.purchase_date");
            }
        }

        // The price the zero-price policy looks at: the unit price, or the amount of a feed without one.
        Optional<BigDecimal> price;
        if (mapping.amount() instanceof FeedContract.LineItem line) {
            String quantityText = value(values, line.quantityColumn());
            String priceText = value(values, line.unitPriceColumn());
            Optional<BigDecimal> quantity = PlainDecimal.parse(quantityText);
            price = PlainDecimal.parse(priceText);
            if (quantity.isPresent() && price.isPresent()) {
                canonical[CanonicalField.AMOUNT.ordinal()] = quantity.get().multiply(price.get()).toPlainString();
            } else if (quantityText != null && priceText != null && rejection == null) {
                String bad = quantity.isEmpty() ? line.quantityColumn() + " '" + quantityText + "'"
                        : line.unitPriceColumn() + " '" + priceText + "'";
                rejection = new MappedRecord.Rejection(QuarantineReason.NON_NUMERIC_AMOUNT,
                        bad + " is not a plain decimal number", "mapping.amount");
            }
        } else {
            String amount = value(values, ((FeedContract.AmountColumn) mapping.amount()).column());
            canonical[CanonicalField.AMOUNT.ordinal()] = amount;
            price = PlainDecimal.parse(amount);
        }
        FeedContract.Currency currency = mapping.currency();
        canonical[CanonicalField.CURRENCY.ordinal()] =
                currency.fixed() != null ? currency.fixed() : value(values, currency.column());

        FeedContract.Cancellation cancellation = policies.cancellation();
        String marker = cancellation == null ? null : value(values, cancellation.column());
        if (marker != null && marker.startsWith(cancellation.prefix())) {
            if (cancellation.action() == FeedContract.Returns.QUARANTINE) {
                rejection = first(rejection, new MappedRecord.Rejection(QuarantineReason.CANCELLED_INVOICE,
                        cancellation.column() + " '" + marker + "' marks a cancellation", "policy.cancellation"));
            } else {
                // A cancellation is a return whatever sign its quantity is written with.
                PlainDecimal.parse(canonical[CanonicalField.AMOUNT.ordinal()]).ifPresent(amount ->
                        canonical[CanonicalField.AMOUNT.ordinal()] = amount.abs().negate().toPlainString());
            }
        }
        if (policies.zeroPrice() == FeedContract.ZeroPrice.QUARANTINE && price.isPresent()
                && price.get().signum() == 0) {
            String column = mapping.amount() instanceof FeedContract.LineItem line ? line.unitPriceColumn()
                    : ((FeedContract.AmountColumn) mapping.amount()).column();
            rejection = first(rejection, new MappedRecord.Rejection(QuarantineReason.ZERO_PRICE,
                    column + " is zero", "policy.zero_price"));
        }
        for (RowRule rule : contract.rowRules()) {
            if (rejection != null) {
                break;
            }
            Optional<String> violation = rule.violation(column -> value(values, column));
            if (violation.isPresent()) {
                rejection = new MappedRecord.Rejection(QuarantineReason.RULE_VIOLATION, violation.get(), rule.name());
            }
        }
        for (int i = 0; i < uniqueRules.size(); i++) {
            uniqueKeys[i] = key(values, uniqueRules.get(i).columns());
        }
        return MappedRecord.of(canonical, rejection, uniqueKeys);
    }

    private static MappedRecord.Rejection first(MappedRecord.Rejection earlier, MappedRecord.Rejection later) {
        return earlier != null ? earlier : later;
    }

    private String purchaseId(List<String> values) {
        FeedContract.PurchaseKey key = contract.mapping().purchaseKey();
        if (!key.derived()) {
            return value(values, key.columns().get(0));
        }
        List<String> parts = new ArrayList<>();
        for (String column : key.columns()) {
            String part = value(values, column);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return Long.toString(PurchaseKeys.derive(contract.feed(), parts));
    }

    /** Length-prefixed parts, so that no two different combinations share a key; null if a part is empty. */
    private String key(List<String> values, List<String> columns) {
        StringBuilder key = new StringBuilder();
        for (String column : columns) {
            String part = value(values, column);
            if (part == null) {
                return null;
            }
            key.append(part.length()).append(':').append(part);
        }
        return key.toString();
    }

    /**
     * The purchase date of a value in the feed's format: a date as written; a date-time with an offset or zone at
     * that instant, one without in the feed's zone (a time in a spring-forward gap moves forward by the gap, one in
     * the autumn overlap takes the earlier offset, as {@link ZonedDateTime#of} resolves them), then its date in
     * {@link CanonicalField#PURCHASE_DATE_ZONE}.
     */
    private Optional<LocalDate> parseDate(String text) {
        ParsedDate last = lastDate;
        if (last != null && last.text().equals(text)) {
            return last.date();
        }
        Optional<LocalDate> date = parse(text);
        lastDate = new ParsedDate(text, date);
        return date;
    }

    private Optional<LocalDate> parse(String text) {
        DateFormat format = dateFormat;
        if (format == null) {
            String pattern = contract.mapping().purchaseDate().format();
            format = new DateFormat(DatePattern.formatter(pattern), DatePattern.hasTimeOfDay(pattern),
                    DatePattern.hasOffset(pattern));
            dateFormat = format;
        }
        try {
            if (!format.hasTime()) {
                return Optional.of(format.formatter().parse(text, LocalDate::from));
            }
            ZonedDateTime moment = format.hasOffset() ? format.formatter().parse(text, ZonedDateTime::from)
                    : format.formatter().parse(text, LocalDateTime::from)
                            .atZone(contract.mapping().purchaseDate().zone());
            return Optional.of(moment.withZoneSameInstant(CanonicalField.PURCHASE_DATE_ZONE).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The column's value, trimmed; null when empty or when the column is null (an absent field). */
    private String value(List<String> values, String column) {
        if (column == null) {
            return null;
        }
        String raw = values.get(positions.get(column));
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A malformed record's value: by position as far as the record reaches. */
    private String valueAt(List<String> values, String column) {
        int position = positions.get(column);
        return position < values.size() ? value(values, column) : null;
    }

    /** The column each canonical field is read from as it is, for quarantine's raw values of a malformed record. */
    private Map<CanonicalField, String> sourceColumns() {
        FeedContract.Mapping m = contract.mapping();
        Map<CanonicalField, String> columns = new HashMap<>();
        columns.put(CanonicalField.CUSTOMER_ID, m.customerId().column());
        columns.put(CanonicalField.FIRST_NAME, m.firstNameColumn());
        columns.put(CanonicalField.LAST_NAME, m.lastNameColumn());
        columns.put(CanonicalField.EMAIL, m.emailColumn());
        if (!m.purchaseKey().derived()) {
            columns.put(CanonicalField.PURCHASE_ID, m.purchaseKey().columns().get(0));
        }
        columns.put(CanonicalField.PURCHASE_DATE, m.purchaseDate().column());
        if (m.amount() instanceof FeedContract.AmountColumn amount) {
            columns.put(CanonicalField.AMOUNT, amount.column());
        }
        columns.put(CanonicalField.CURRENCY, m.currency().column());
        columns.values().removeIf(c -> c == null);
        return columns;
    }
}
