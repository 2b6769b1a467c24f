package com.c360.local.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Writes purchase CSVs in the input contract v1 layout. Deterministic: the same settings produce byte-identical files,
 * so demos and tests can be reproduced. Purchase ids are unique across all files except where a duplicate is planted.
 */
public final class SampleDataGenerator {
    public static final List<String> HEADER = List.of(
            "customer_id", "first_name", "last_name", "email", "purchase_id", "purchase_date", "amount", "currency");

    private static final int CUSTOMER_ID = 0;
    private static final int FIRST_NAME = 1;
    private static final int LAST_NAME = 2;
    private static final int EMAIL = 3;
    private static final int PURCHASE_ID = 4;
    private static final int PURCHASE_DATE = 5;
    private static final int AMOUNT = 6;
    private static final int CURRENCY = 7;

    private static final long FIRST_CUSTOMER_ID = 100_001L;
    /** Zipf exponent of customer popularity: with 200 customers the busiest one makes over a tenth of all purchases. */
    private static final double SKEW_EXPONENT = 0.9;
    private static final Locale NAME_LOCALE = new Locale("en", "AU");

    private static final List<String> NON_NUMERIC_AMOUNTS = List.of("12.5O", "N/A", "1,234.00");
    private static final List<String> BAD_DATES = List.of("2025-02-30", "31/01/2025", "2025-13-01");
    private static final BigDecimal CONFLICT_AMOUNT_DELTA = BigDecimal.TEN;

    /** AUD per unit is only approximate here: it makes foreign amounts look natural, the FX table does the maths. */
    private enum Currency {
        AUD(55, 1.0, 2), USD(12, 1.52, 2), NZD(10, 0.91, 2), EUR(9, 1.65, 2), GBP(8, 1.93, 2), JPY(6, 0.0102, 0);

        final int weight;
        final double approxAudPerUnit;
        final int scale;

        Currency(int weight, double approxAudPerUnit, int scale) {
            this.weight = weight;
            this.approxAudPerUnit = approxAudPerUnit;
            this.scale = scale;
        }
    }

    private record Customer(String id, String firstName, String lastName, String email) {
    }

    private final SampleSettings settings;

    public SampleDataGenerator(SampleSettings settings) {
        this.settings = settings;
    }

    /** Writes {@code settings.files()} CSVs into {@code directory} (created if needed), replacing same-named files. */
    public List<SampleFile> writeTo(Path directory) {
        Random random = new Random(settings.seed());
        List<Customer> customers = customers(new Faker(NAME_LOCALE, new Random(settings.seed())));
        CustomerPicker picker = new CustomerPicker(customers, SKEW_EXPONENT, random);
        long nextPurchaseId = settings.firstPurchaseId();
        List<SampleFile> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (int file = 0; file < settings.files(); file++) {
                LocalDate sliceStart = sliceStart(file);
                LocalDate sliceEnd = sliceStart(file + 1).minusDays(1);
                int validCount = settings.purchases() / settings.files()
                        + (file < settings.purchases() % settings.files() ? 1 : 0);

                List<String[]> valid = new ArrayList<>();
                for (int i = 0; i < validCount; i++) {
                    valid.add(purchase(picker.next(), randomDate(sliceStart, sliceEnd, random), random));
                }
                valid.sort(Comparator.comparing((String[] row) -> row[PURCHASE_DATE]));
                for (String[] row : valid) {
                    row[PURCHASE_ID] = Long.toString(nextPurchaseId++);
                }

                List<String[]> lines = new ArrayList<>(valid);
                List<String[]> duplicateTemplates = new ArrayList<>(valid);
                Collections.shuffle(duplicateTemplates, random);
                int duplicatesPlanted = 0;
                for (BadRowKind kind : BadRowKind.values()) {
                    for (int i = 0; i < settings.badRowsPerFile().get(kind); i++) {
                        String[] bad;
                        if (kind == BadRowKind.EXACT_DUPLICATE || kind == BadRowKind.CONFLICTING_DUPLICATE) {
                            // Distinct templates so each planted duplicate forms its own pair.
                            String[] template = duplicateTemplates.get(duplicatesPlanted++ % duplicateTemplates.size());
                            bad = duplicateOf(kind, template);
                        } else {
                            String[] template = valid.get(random.nextInt(valid.size())).clone();
                            template[PURCHASE_ID] = Long.toString(nextPurchaseId++);
                            bad = broken(kind, template, i);
                        }
                        lines.add(random.nextInt(lines.size() + 1), bad);
                    }
                }

                Path path = directory.resolve("purchases_" + sliceStart + "_" + sliceEnd + ".csv");
                write(path, lines);
                written.add(new SampleFile(path, validCount, settings.badRowsPerFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write sample files to " + directory, e);
        }
        return written;
    }

    private List<Customer> customers(Faker faker) {
        List<Customer> customers = new ArrayList<>(settings.customers());
        for (int i = 0; i < settings.customers(); i++) {
            String firstName = faker.name().firstName();
            String lastName = faker.name().lastName();
            // Every few customers carry the punctuation real extracts contain, so RFC 4180 quoting gets exercised.
            switch (i % 10) {
                case 3 -> lastName = lastName + ", Jr.";
                case 5 -> lastName = "O'" + lastName;
                case 7 -> firstName = firstName + " \"" + firstName.substring(0, Math.min(3, firstName.length())) + '"';
                default -> {
                }
            }
            String localPart = lettersOnly(firstName) + "." + lettersOnly(lastName);
            customers.add(new Customer(Long.toString(FIRST_CUSTOMER_ID + i), firstName, lastName,
                    faker.internet().safeEmailAddress(localPart)));
        }
        return customers;
    }

    private static String lettersOnly(String name) {
        return name.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private LocalDate sliceStart(int file) {
        long days = ChronoUnit.DAYS.between(settings.firstPurchaseDate(), settings.lastPurchaseDate()) + 1;
        return settings.firstPurchaseDate().plusDays(days * file / settings.files());
    }

    private static LocalDate randomDate(LocalDate first, LocalDate last, Random random) {
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1));
    }

    private static String[] purchase(Customer customer, LocalDate date, Random random) {
        Currency currency = pickCurrency(random);
        // Log-normal basket size: median about A$40, a long tail of large orders.
        double aud = Math.min(5_000, Math.max(1, Math.exp(3.7 + 0.9 * random.nextGaussian())));
        BigDecimal amount = BigDecimal.valueOf(aud / currency.approxAudPerUnit)
                .setScale(currency.scale, RoundingMode.HALF_UP);
        return new String[] {customer.id(), customer.firstName(), customer.lastName(), customer.email(), null,
                date.toString(), amount.toPlainString(), currency.name()};
    }

    private static Currency pickCurrency(Random random) {
        int totalWeight = Arrays.stream(Currency.values()).mapToInt(c -> c.weight).sum();
        int ticket = random.nextInt(totalWeight);
        for (Currency currency : Currency.values()) {
            ticket -= currency.weight;
            if (ticket < 0) {
                return currency;
            }
        }
        throw new IllegalStateException("currency weights do not add up");
    }

    private static String[] broken(BadRowKind kind, String[] row, int occurrence) {
        switch (kind) {
            case MISSING_CUSTOMER_ID -> row[CUSTOMER_ID] = "";
            case NON_NUMERIC_AMOUNT -> row[AMOUNT] = NON_NUMERIC_AMOUNTS.get(occurrence % NON_NUMERIC_AMOUNTS.size());
            case BAD_DATE -> row[PURCHASE_DATE] = BAD_DATES.get(occurrence % BAD_DATES.size());
            case NEGATIVE_AMOUNT -> row[AMOUNT] = "-" + row[AMOUNT];
            case UNKNOWN_CURRENCY -> row[CURRENCY] = "XYZ";
            default -> throw new IllegalArgumentException(kind + " is planted as a duplicate, not a broken row");
        }
        return row;
    }

    private static String[] duplicateOf(BadRowKind kind, String[] template) {
        String[] copy = template.clone();
        if (kind == BadRowKind.CONFLICTING_DUPLICATE) {
            copy[AMOUNT] = new BigDecimal(copy[AMOUNT]).add(CONFLICT_AMOUNT_DELTA).toPlainString();
        }
        return copy;
    }

    private static void write(Path path, List<String[]> lines) throws IOException {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(CsvLine.of(HEADER));
            out.write('\n');
            for (String[] line : lines) {
                out.write(CsvLine.of(Arrays.asList(line)));
                out.write('\n');
            }
        }
    }

    /** Draws customers with Zipf-distributed popularity, the popular ones spread randomly over the id range. */
    private static final class CustomerPicker {
        private final List<Customer> byPopularity;
        private final double[] cumulativeWeights;
        private final Random random;

        CustomerPicker(List<Customer> customers, double exponent, Random random) {
            this.byPopularity = new ArrayList<>(customers);
            Collections.shuffle(byPopularity, random);
            this.cumulativeWeights = new double[byPopularity.size()];
            double total = 0;
            for (int rank = 0; rank < cumulativeWeights.length; rank++) {
                total += 1 / Math.pow(rank + 1, exponent);
                cumulativeWeights[rank] = total;
            }
            this.random = random;
        }

        Customer next() {
            double ticket = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
            int index = Arrays.binarySearch(cumulativeWeights, ticket);
            return byPopularity.get(index >= 0 ? index : Math.min(-index - 1, cumulativeWeights.length - 1));
        }
    }
}
