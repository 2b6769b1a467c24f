package com.c360.e2e.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The FX reference table as the oracle reads it: AUD per unit of a currency, from the latest rate dated on or before
 * the purchase date. Parsed here rather than by the Glue job's own reader, so a bug there cannot hide in both.
 */
public final class FxRates {
    /** The committed table the pipeline ships, relative to the tests module (Maven's working directory). */
    public static final Path REFERENCE_FILE = Path.of("..", "glue-jobs", "reference", "fx_rates_aud.csv");
    public static final String AUD = "AUD";
    private static final String HEADER = "currency,rate_date,aud_per_unit";

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> ratesByCurrency;

    private FxRates(Map<String, NavigableMap<LocalDate, BigDecimal>> ratesByCurrency) {
        this.ratesByCurrency = ratesByCurrency;
    }

    public static FxRates reference() {
        return load(REFERENCE_FILE);
    }

    /** The reference file is plain: no quoting, upper-case codes, one rate per currency and date. */
    public static FxRates load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read FX table " + file.toAbsolutePath(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + " must start with the header " + HEADER);
        }
        Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(file + ": expected 3 fields in '" + line + "'");
            }
            rates.computeIfAbsent(fields[0], c -> new TreeMap<>())
                    .put(LocalDate.parse(fields[1]), new BigDecimal(fields[2]));
        }
        return new FxRates(rates);
    }

    /** Currencies other than AUD that have at least one rate. */
    public Set<String> currencies() {
        return ratesByCurrency.keySet();
    }

    /** AUD per unit on {@code date}; empty when the table has no rate on or before it. */
    public Optional<BigDecimal> audPerUnit(String currency, LocalDate date) {
        if (currency.equals(AUD)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(ratesByCurrency.get(currency))
                .map(rates -> rates.floorEntry(date))
                .map(Map.Entry::getValue);
    }
}
