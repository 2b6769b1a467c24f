package com.c360.local.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed default FX table must cover every month the sample data (and the demo) can produce. */
class FxReferenceFileTest {
    private static final Path FX_FILE = Path.of("..", "glue-jobs", "reference", "fx_rates_aud.csv");
    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "NZD", "JPY", "CAD", "SGD", "CNY", "INR");

    @Test
    void everyCurrency_hasOnePositiveRatePerMonth_from2024To2026() throws IOException {
        List<String> lines = Files.readAllLines(FX_FILE);
        assertThat(lines.get(0)).isEqualTo("currency,rate_date,aud_per_unit");

        Map<String, Set<LocalDate>> monthsByCurrency = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertThat(fields).hasSize(3);
            BigDecimal rate = new BigDecimal(fields[2]);
            assertThat(rate).isPositive();
            assertThat(rate.scale()).isLessThanOrEqualTo(6);
            assertThat(monthsByCurrency.computeIfAbsent(fields[0], c -> new TreeSet<>()).add(LocalDate.parse(fields[1])))
                    .as("one rate per currency and month: " + line).isTrue();
        }

        Set<LocalDate> expectedMonths = Stream.iterate(LocalDate.of(2024, 1, 1), d -> d.plusMonths(1)).limit(36)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(monthsByCurrency.keySet()).isEqualTo(new TreeSet<>(CURRENCIES));
        assertThat(monthsByCurrency.values()).allSatisfy(months -> assertThat(months).isEqualTo(expectedMonths));
    }
}
