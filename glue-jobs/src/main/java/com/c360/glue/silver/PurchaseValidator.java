package com.c360.glue.silver;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Checks one raw bronze row against contract v1 and converts it to AUD. Pure: the same row and FX table always give
 * the same classified row, so a replay reproduces silver exactly.
 */
public final class PurchaseValidator implements Serializable {
    public static final int AMOUNT_SCALE = 6;
    private static final int AMOUNT_INTEGER_DIGITS = 12;
    private static final int AUD_PRECISION = 18;
    /** The largest AUD amount, per purchase or per customer and file, that silver, gold and RDS can hold. */
    public static final BigDecimal MAX_AUD = BigDecimal.TEN.pow(AUD_PRECISION - 2).subtract(new BigDecimal("0.01"));
    /**
     * Purchase dates silver accepts. From 1900, because before it Parquet readers disagree (Julian vs proleptic
     * Gregorian calendar before 1582-10-15) and no purchase feed is that old; up to 9999, the last four-digit year.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    /**
     * Maximum length in characters of each raw field. Names and e-mail (RFC 5321's 254) are stored as they are;
     * the other limits lie well beyond any value the contract accepts, so they only bound what quarantine keeps.
     */
    public static final Map<String, Integer> MAX_FIELD_LENGTHS = Map.of(
            "customer_id", 40, "first_name", 100, "last_name", 100, "email", 254, "purchase_id", 40,
            "purchase_date", 40, "amount", 40, "currency", 16);
    /** U+0000, which PostgreSQL text cannot hold: it would fail the whole day's COPY into RDS. */
    private static final char NUL = '\u0000';
    private static final int MAX_ID_DIGITS = 18;
    private static final int PLAIN_DATE_LENGTH = "yyyy-mm-dd".length();
    private static final int[] RAW_POSITIONS = BronzeCsvReader.CONTRACT_COLUMNS.stream()
            .mapToInt(BronzeCsvReader.RAW_SCHEMA::fieldIndex).toArray();
    private static final int MALFORMED_POSITION = BronzeCsvReader.RAW_SCHEMA.fieldIndex("malformed");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /**
     * {@code purchase_id_key} groups rows for duplicate detection; {@code fingerprint} is the row's normalised
     * content, equal for rows that say the same thing in different spelling (case, trailing zeros, date-time).
     */
    public static final StructType CLASSIFIED_SCHEMA = new StructType()
            .add("source_line", DataTypes.LongType, false)
            .add("purchase_id_key", DataTypes.LongType, true)
            .add("fingerprint", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("reason_detail", DataTypes.StringType, true)
            .add("purchase_id", DataTypes.LongType, true)
            .add("customer_id", DataTypes.LongType, true)
            .add("full_name", DataTypes.StringType, true)
            .add("email", DataTypes.StringType, true)
            .add("purchase_date", DataTypes.DateType, true)
            .add("amount", DataTypes.createDecimalType(AMOUNT_INTEGER_DIGITS + AMOUNT_SCALE, AMOUNT_SCALE), true)
            .add("currency", DataTypes.StringType, true)
            .add("fx_rate", DataTypes.createDecimalType(20, FxRateTable.RATE_SCALE), true)
            .add("amount_aud", DataTypes.createDecimalType(AUD_PRECISION, 2), true)
            .add("raw_customer_id", DataTypes.StringType, true)
            .add("raw_first_name", DataTypes.StringType, true)
            .add("raw_last_name", DataTypes.StringType, true)
            .add("raw_email", DataTypes.StringType, true)
            .add("raw_purchase_id", DataTypes.StringType, true)
            .add("raw_purchase_date", DataTypes.StringType, true)
            .add("raw_amount", DataTypes.StringType, true)
            .add("raw_currency", DataTypes.StringType, true);

    private final FxRateTable fxRates;

    public PurchaseValidator(FxRateTable fxRates) {
        this.fxRates = fxRates;
    }

    private record Rejection(QuarantineReason reason, String detail) {
    }

    private static final class RejectedRow extends Exception {
        private final transient Rejection rejection;

        RejectedRow(QuarantineReason reason, String detail) {
            super(detail, null, false, false);
            this.rejection = new Rejection(reason, detail);
        }
    }

    public Row classify(Row raw) {
        // By position: a lookup by name per field and row was a visible share of the validator's time.
        String[] rawValues = new String[RAW_POSITIONS.length];
        for (int i = 0; i < RAW_POSITIONS.length; i++) {
            rawValues[i] = raw.getString(RAW_POSITIONS[i]);
        }
        String customerId = rawValues[0];
        String firstName = rawValues[1];
        String lastName = rawValues[2];
        String email = rawValues[3];
        String purchaseId = rawValues[4];
        String purchaseDate = rawValues[5];
        String amount = rawValues[6];
        String currency = rawValues[7];
        String malformed = raw.getString(MALFORMED_POSITION);

        String fullName = fullName(firstName, lastName);
        String normalisedEmail = email == null ? null : email.toLowerCase(Locale.ROOT);
        String normalisedCurrency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
        // Each parsed once, for both the fingerprint and the checks.
        Optional<Long> parsedCustomerId = parseId(customerId);
        Long purchaseIdKey = parseId(purchaseId).orElse(null);
        Optional<LocalDate> parsedDate = parseDate(purchaseDate);
        Optional<BigDecimal> parsedAmount = parsePlainDecimal(amount);
        String fingerprint = fingerprint(
                parsedCustomerId.map(String::valueOf).orElse(customerId), fullName, normalisedEmail,
                parsedDate.map(LocalDate::toString).orElse(purchaseDate),
                parsedAmount.map(a -> a.stripTrailingZeros().toPlainString()).orElse(amount),
                normalisedCurrency);

        Object[] typed = new Object[9];
        Rejection rejection = null;
        try {
            if (malformed != null) {
                throw new RejectedRow(QuarantineReason.MALFORMED_ROW, malformed);
            }
            checkText(rawValues);
            required(customerId, QuarantineReason.MISSING_CUSTOMER_ID);
            required(purchaseId, QuarantineReason.MISSING_PURCHASE_ID);
            required(purchaseDate, QuarantineReason.MISSING_PURCHASE_DATE);
            required(amount, QuarantineReason.MISSING_AMOUNT);
            required(currency, QuarantineReason.MISSING_CURRENCY);
            long customer = parsedCustomerId.orElseThrow(() -> new RejectedRow(
                    QuarantineReason.NON_NUMERIC_CUSTOMER_ID, "customer_id '" + customerId + "' is not a whole number"));
            long purchase = Optional.ofNullable(purchaseIdKey).orElseThrow(() -> new RejectedRow(
                    QuarantineReason.NON_NUMERIC_PURCHASE_ID, "purchase_id '" + purchaseId + "' is not a whole number"));
            BigDecimal value = parsedAmount.orElseThrow(() -> new RejectedRow(
                    QuarantineReason.NON_NUMERIC_AMOUNT, "amount '" + amount + "' is not a plain decimal number"));
            LocalDate date = parsedDate.orElseThrow(() -> new RejectedRow(
                    QuarantineReason.BAD_DATE, "purchase_date '" + purchaseDate + "' is not an ISO date"));
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                throw new RejectedRow(QuarantineReason.DATE_OUT_OF_RANGE, "purchase_date " + date
                        + " is outside " + EARLIEST_DATE + " .. " + LATEST_DATE);
            }
            if (value.signum() < 0) {
                throw new RejectedRow(QuarantineReason.NEGATIVE_AMOUNT, "amount " + amount + " is negative");
            }
            if (value.stripTrailingZeros().scale() > AMOUNT_SCALE
                    || value.precision() - value.scale() > AMOUNT_INTEGER_DIGITS) {
                throw new RejectedRow(QuarantineReason.AMOUNT_OUT_OF_RANGE, "amount " + amount
                        + " needs more than " + AMOUNT_INTEGER_DIGITS + " digits or " + AMOUNT_SCALE + " decimals");
            }
            if (!FxRateTable.isIsoCurrency(normalisedCurrency)) {
                throw new RejectedRow(QuarantineReason.UNKNOWN_CURRENCY, "'" + currency + "' is not an ISO-4217 code");
            }
            BigDecimal rate = fxRates.audPerUnit(normalisedCurrency, date).orElseThrow(() -> new RejectedRow(
                    QuarantineReason.NO_FX_RATE, "no " + normalisedCurrency + " rate on or before " + date));
            BigDecimal aud = value.multiply(rate).setScale(2, RoundingMode.HALF_UP);
            if (aud.compareTo(MAX_AUD) > 0) {
                throw new RejectedRow(QuarantineReason.AMOUNT_OUT_OF_RANGE, "AUD amount " + aud + " is too large");
            }
            typed = new Object[] {purchase, customer, fullName, normalisedEmail, Date.valueOf(date),
                value.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY),
                normalisedCurrency, rate.setScale(FxRateTable.RATE_SCALE, RoundingMode.UNNECESSARY), aud};
        } catch (RejectedRow rejected) {
            rejection = rejected.rejection;
        }
        Object[] row = new Object[CLASSIFIED_SCHEMA.size()];
        row[0] = raw.getAs("source_line");
        row[1] = purchaseIdKey;
        row[2] = fingerprint;
        row[3] = rejection == null ? null : rejection.reason().code();
        row[4] = rejection == null ? null : rejection.detail();
        System.arraycopy(typed, 0, row, 5, typed.length);
        System.arraycopy(rawValues, 0, row, 14, rawValues.length);
        return new GenericRowWithSchema(row, CLASSIFIED_SCHEMA);
    }

    private static String fingerprint(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                joined.append('\u001f');
            }
            joined.append(parts[i] == null ? "\u0000" : parts[i]);
        }
        return joined.toString();
    }

    /** Lengths and characters, checked before anything parses or stores a value. */
    private static void checkText(String[] rawValues) throws RejectedRow {
        // In contract order, so a row with several problems always gets the same reason.
        for (int i = 0; i < rawValues.length; i++) {
            String field = BronzeCsvReader.CONTRACT_COLUMNS.get(i);
            String value = rawValues[i];
            if (value == null) {
                continue;
            }
            int length = value.codePointCount(0, value.length());
            int limit = MAX_FIELD_LENGTHS.get(field);
            if (length > limit) {
                throw new RejectedRow(QuarantineReason.FIELD_TOO_LONG,
                        field + " has " + length + " characters, at most " + limit + " are accepted");
            }
            if (value.indexOf(NUL) >= 0) {
                throw new RejectedRow(QuarantineReason.INVALID_CHARACTER,
                        field + " contains U+0000 (NUL), which PostgreSQL text cannot store");
            }
        }
    }

    static String fullName(String firstName, String lastName) {
        boolean first = firstName != null && !firstName.isBlank();
        boolean last = lastName != null && !lastName.isBlank();
        if (first && last) {
            return firstName.strip() + " " + lastName.strip();
        }
        return first ? firstName.strip() : last ? lastName.strip() : null;
    }

    private static void required(String value, QuarantineReason reason) throws RejectedRow {
        if (value == null) {
            throw new RejectedRow(reason, reason.code().replace('_', ' '));
        }
    }

    static Optional<Long> parseId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_DIGITS || !allDigits(value, 0, value.length())) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    private static boolean allDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Plain decimals only: no exponent, no thousands separators, no currency symbols. */
    static Optional<BigDecimal> parsePlainDecimal(String value) {
        if (value == null || !PLAIN_DECIMAL.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    /** ISO date, or an ISO date-time (with or without offset) whose calendar date is used as written. */
    static Optional<LocalDate> parseDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() == PLAIN_DATE_LENGTH && value.charAt(4) == '-' && value.charAt(7) == '-'
                && allDigits(value, 0, 4) && allDigits(value, 5, 7) && allDigits(value, 8, 10)) {
            // What LocalDate.parse accepts in this shape, without its general formatter; a day the month does not
            // have fails both ways, and no date-time parser accepts a bare date.
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                        Integer.parseInt(value, 8, 10, 10)));
            } catch (DateTimeException notADate) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException notADate) {
            try {
                return Optional.of(LocalDateTime.parse(value).toLocalDate());
            } catch (DateTimeParseException notALocalDateTime) {
                try {
                    return Optional.of(OffsetDateTime.parse(value).toLocalDate());
                } catch (DateTimeParseException notAnOffsetDateTime) {
                    return Optional.empty();
                }
            }
        }
    }
}
