package com.c360.local.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
    private static final String HEADER_LINE =
            "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency";
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> CONTRACT_CURRENCIES = Set.of("AUD", "USD", "EUR", "GBP", "NZD", "JPY");
    private static final LocalDate FX_TABLE_FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDate FX_TABLE_LAST_DAY = LocalDate.of(2026, 12, 31);

    @TempDir
    Path temp;

    @Test
    void sameSeed_writesByteIdenticalFiles() throws IOException {
        SampleSettings settings = SampleSettings.defaults(7).withPurchases(600);

        List<SampleFile> first = new SampleDataGenerator(settings).writeTo(temp.resolve("a"));
        List<SampleFile> second = new SampleDataGenerator(settings).writeTo(temp.resolve("b"));

        assertThat(first).hasSize(3);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).path().getFileName()).isEqualTo(first.get(i).path().getFileName());
            assertThat(Files.readAllBytes(second.get(i).path())).isEqualTo(Files.readAllBytes(first.get(i).path()));
        }
    }

    @Test
    void differentSeed_writesDifferentContent() throws IOException {
        Path a = new SampleDataGenerator(SampleSettings.defaults(1).withFiles(1)).writeTo(temp.resolve("a")).get(0).path();
        Path b = new SampleDataGenerator(SampleSettings.defaults(2).withFiles(1)).writeTo(temp.resolve("b")).get(0).path();

        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
    }

    @Test
    void everyFile_startsWithContractHeader() throws IOException {
        for (SampleFile file : new SampleDataGenerator(SampleSettings.defaults(3)).writeTo(temp)) {
            assertThat(Files.readAllLines(file.path(), StandardCharsets.UTF_8).get(0)).isEqualTo(HEADER_LINE);
        }
    }

    @Test
    void output_parsesAsRfc4180_withNamesHoldingCommasAndQuotesIntact() throws IOException {
        List<SampleFile> files = new SampleDataGenerator(SampleSettings.defaults(11).withPurchases(900)).writeTo(temp);

        List<String[]> records = new ArrayList<>();
        for (SampleFile file : files) {
            List<String[]> parsed = parse(file.path());
            assertThat(parsed).hasSize(file.dataRows());
            records.addAll(parsed);
        }

        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(8));
        assertThat(records).anySatisfy(record -> assertThat(record[2]).endsWith(", Jr."));
        assertThat(records).anySatisfy(record -> assertThat(record[1]).matches("\\S+ \"\\S+\""));
        assertThat(records).anySatisfy(record -> assertThat(record[2]).startsWith("O'"));
        String raw = Files.readString(files.get(0).path());
        assertThat(raw).contains(", Jr.\",").containsPattern(",\"\\S+ \"\"\\S+\"\"\",");
    }

    @Test
    void plantedBadRows_matchConfiguredCountsForEveryKind() throws IOException {
        EnumMap<BadRowKind, Integer> configured = new EnumMap<>(BadRowKind.class);
        configured.put(BadRowKind.MISSING_CUSTOMER_ID, 1);
        configured.put(BadRowKind.NON_NUMERIC_AMOUNT, 3);
        configured.put(BadRowKind.BAD_DATE, 3);
        configured.put(BadRowKind.NEGATIVE_AMOUNT, 2);
        configured.put(BadRowKind.UNKNOWN_CURRENCY, 1);
        configured.put(BadRowKind.EXACT_DUPLICATE, 2);
        configured.put(BadRowKind.CONFLICTING_DUPLICATE, 1);
        SampleSettings settings = SampleSettings.defaults(5).withPurchases(400).withBadRowsPerFile(configured);

        for (SampleFile file : new SampleDataGenerator(settings).writeTo(temp)) {
            assertThat(classify(parse(file.path()))).as(file.path().toString()).isEqualTo(configured);
            assertThat(file.badRows()).isEqualTo(configured);
        }
    }

    @Test
    void zeroBadRowsConfigured_writesOnlyValidPurchases() throws IOException {
        SampleSettings settings = SampleSettings.defaults(5).withPurchases(300)
                .withBadRowsPerFile(SampleSettings.eachKind(0));

        List<String[]> records = new ArrayList<>();
        for (SampleFile file : new SampleDataGenerator(settings).writeTo(temp)) {
            records.addAll(parse(file.path()));
        }

        assertThat(records).hasSize(300);
        assertThat(classify(records).values()).containsOnly(0);
    }

    @Test
    void purchaseIds_areUniqueAcrossFiles_exceptPlantedDuplicates() throws IOException {
        List<SampleFile> files = new SampleDataGenerator(SampleSettings.defaults(9).withPurchases(1200)).writeTo(temp);

        List<String> ids = new ArrayList<>();
        int plantedDuplicates = 0;
        for (SampleFile file : files) {
            parse(file.path()).forEach(record -> ids.add(record[4]));
            plantedDuplicates += file.badRows().get(BadRowKind.EXACT_DUPLICATE)
                    + file.badRows().get(BadRowKind.CONFLICTING_DUPLICATE);
        }

        assertThat(new HashSet<>(ids)).hasSize(ids.size() - plantedDuplicates);
    }

    @Test
    void validPurchases_useContractCurrenciesPositiveAmountsAndDatesInsideFxTable() throws IOException {
        SampleSettings settings = SampleSettings.defaults(13).withBadRowsPerFile(SampleSettings.eachKind(0));

        List<String[]> records = new ArrayList<>();
        for (SampleFile file : new SampleDataGenerator(settings).writeTo(temp)) {
            records.addAll(parse(file.path()));
        }

        assertThat(records).allSatisfy(record -> {
            assertThat(record[7]).isIn(CONTRACT_CURRENCIES);
            assertThat(new BigDecimal(record[6])).isPositive();
            assertThat(LocalDate.parse(record[5])).isBetween(FX_TABLE_FIRST_DAY, FX_TABLE_LAST_DAY);
            assertThat(record[3]).matches("[a-z.]+@example\\.(com|org|net)");
        });
        assertThat(records.stream().map(record -> record[7]).collect(Collectors.toSet()))
                .isEqualTo(CONTRACT_CURRENCIES);
    }

    @Test
    void purchases_concentrateOnAFewCustomers() throws IOException {
        SampleSettings settings = SampleSettings.defaults(17).withBadRowsPerFile(SampleSettings.eachKind(0));

        Map<String, Integer> purchasesPerCustomer = new HashMap<>();
        for (SampleFile file : new SampleDataGenerator(settings).writeTo(temp)) {
            parse(file.path()).forEach(record -> purchasesPerCustomer.merge(record[0], 1, Integer::sum));
        }

        // Uniform buying would give the busiest tenth of customers about a tenth of the purchases.
        int busiestTenth = purchasesPerCustomer.values().stream().sorted(Comparator.reverseOrder())
                .limit(settings.customers() / 10).mapToInt(Integer::intValue).sum();
        assertThat(busiestTenth).isGreaterThan(settings.purchases() * 4 / 10);
    }

    @Test
    void fewerPurchasesThanFiles_isRejected() {
        assertThatThrownBy(() -> SampleSettings.defaults(1).withPurchases(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchases");
    }

    private static List<String[]> parse(Path file) throws IOException {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(1024);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new CsvParser(settings).parseAll(reader);
        }
    }

    /** An oracle of its own: which contract rule each record breaks, duplicates judged over the whole file. */
    private static Map<BadRowKind, Integer> classify(List<String[]> records) {
        EnumMap<BadRowKind, Integer> counts = new EnumMap<>(BadRowKind.class);
        for (BadRowKind kind : BadRowKind.values()) {
            counts.put(kind, 0);
        }
        Map<String, Set<List<String>>> distinctRecordsById = new HashMap<>();
        Set<List<String>> seen = new HashSet<>();
        for (String[] record : records) {
            List<String> fields = Arrays.asList(record);
            if (!seen.add(fields)) {
                counts.merge(BadRowKind.EXACT_DUPLICATE, 1, Integer::sum);
            }
            distinctRecordsById.computeIfAbsent(record[4], id -> new HashSet<>()).add(fields);
            if (record[0].isEmpty()) {
                counts.merge(BadRowKind.MISSING_CUSTOMER_ID, 1, Integer::sum);
            }
            if (!DECIMAL.matcher(record[6]).matches()) {
                counts.merge(BadRowKind.NON_NUMERIC_AMOUNT, 1, Integer::sum);
            } else if (new BigDecimal(record[6]).signum() < 0) {
                counts.merge(BadRowKind.NEGATIVE_AMOUNT, 1, Integer::sum);
            }
            if (!isIsoDate(record[5])) {
                counts.merge(BadRowKind.BAD_DATE, 1, Integer::sum);
            }
            if (!CONTRACT_CURRENCIES.contains(record[7])) {
                counts.merge(BadRowKind.UNKNOWN_CURRENCY, 1, Integer::sum);
            }
        }
        int conflicts = distinctRecordsById.values().stream().mapToInt(variants -> variants.size() - 1).sum();
        counts.put(BadRowKind.CONFLICTING_DUPLICATE, conflicts);
        return counts;
    }

    private static boolean isIsoDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
