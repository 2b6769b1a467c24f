package com.c360.glue.silver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * AUD per unit of each currency by date. A purchase converts with the latest rate on or before its date; the table
 * is small, so it lives in memory and ships to every task instead of being joined.
 */
public final class FxRateTable implements Serializable {
    public static final String AUD = "AUD";
    /** Rates beyond this many decimals would be silently rounded by silver's DECIMAL(20,10) column. */
    public static final int RATE_SCALE = 10;
    private static final List<String> COLUMNS = List.of("currency", "rate_date", "aud_per_unit");

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> ratesByCurrency;

    private FxRateTable(Map<String, NavigableMap<LocalDate, BigDecimal>> ratesByCurrency) {
        this.ratesByCurrency = ratesByCurrency;
    }

    public static FxRateTable load(String path, Configuration conf) {
        Path file = new Path(path);
        try (InputStream in = file.getFileSystem(conf).open(file)) {
            return parse(in, path);
        } catch (IOException e) {
            throw new InvalidFxReferenceException("Cannot read FX reference " + path + ": " + e.getMessage(), e);
        }
    }

    public static FxRateTable parse(InputStream in, String source) {
        Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();
        try (StrictCsvReader csv = new StrictCsvReader(in, source)) {
            if (!csv.hasNext()) {
                throw new InvalidFxReferenceException("FX reference " + source + " is empty");
            }
            List<String> header = csv.next().values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(COLUMNS)) {
                throw new InvalidFxReferenceException("FX reference " + source + " must have header " + COLUMNS + ", has " + header);
            }
            while (csv.hasNext()) {
                StrictCsvReader.CsvLine line = csv.next();
                addRate(rates, line, source);
            }
        } catch (BronzeFileRejectedException | UncheckedIOException e) {
            throw new InvalidFxReferenceException("FX reference " + source + " is unreadable: " + e.getMessage(), e);
        }
        return new FxRateTable(rates);
    }

    /** AUD per unit of {@code currency} on {@code date}; AUD itself needs no rate. */
    public Optional<BigDecimal> audPerUnit(String currency, LocalDate date) {
        if (AUD.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> rates = ratesByCurrency.get(currency);
        return Optional.ofNullable(rates).map(r -> r.floorEntry(date)).map(Map.Entry::getValue);
    }

    private static void addRate(Map<String, NavigableMap<LocalDate, BigDecimal>> rates, StrictCsvReader.CsvLine line,
            String source) {
        String where = "FX reference " + source + " line " + line.lineNumber();
        List<String> values = line.values();
        if (values.size() != COLUMNS.size()) {
            throw new InvalidFxReferenceException(where + ": expected 3 fields, found " + values.size());
        }
        String currency = values.get(0).toUpperCase(Locale.ROOT);
        if (!isIsoCurrency(currency)) {
            throw new InvalidFxReferenceException(where + ": '" + values.get(0) + "' is not an ISO-4217 currency");
        }
        LocalDate rateDate;
        BigDecimal rate;
        try {
            rateDate = LocalDate.parse(values.get(1));
            rate = new BigDecimal(values.get(2));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidFxReferenceException(where + ": bad date or rate " + values, e);
        }
        if (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > RATE_SCALE) {
            throw new InvalidFxReferenceException(where + ": rate " + values.get(2)
                    + " must be positive with at most " + RATE_SCALE + " decimals");
        }
        if (AUD.equals(currency)) {
            // AUD converts at exactly 1 without a lookup; a row saying so is harmless, any other rate is a mistake.
            if (rate.compareTo(BigDecimal.ONE) != 0) {
                throw new InvalidFxReferenceException(where + ": AUD is the target currency, so its rate can only be 1,"
                        + " not " + values.get(2));
            }
            return;
        }
        BigDecimal previous = rates.computeIfAbsent(currency, c -> new TreeMap<>()).putIfAbsent(rateDate, rate);
        if (previous != null && previous.compareTo(rate) != 0) {
            throw new InvalidFxReferenceException(where + ": a second, different rate for " + currency + " on " + rateDate);
        }
    }

    static boolean isIsoCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') {
                return false;
            }
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
