package com.c360.e2e.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Random but reproducible scenarios over a small id space, so that re-exports, corrections, collisions and races
 * between uploads are the common case rather than the exception. Only valid rows: every currency has a rate on every
 * purchase date the generator picks. The same seed always gives the same scenario.
 */
public final class ScenarioGenerator {
    public static final int CUSTOMERS = 30;
    public static final int PURCHASE_IDS = 200;
    public static final int MAX_ROWS_PER_FILE = 40;
    public static final LocalDate FIRST_PURCHASE_DATE = LocalDate.of(2026, 1, 1);
    public static final LocalDate LAST_PURCHASE_DATE = LocalDate.of(2026, 6, 30);
    public static final LocalDate FIRST_INGESTION_DATE = LocalDate.of(2026, 7, 1);
    public static final int INGESTION_DAYS = 4;
    public static final int MIN_STEPS = 10;
    public static final int MAX_STEPS = 20;
    private static final double FAULT_PROBABILITY = 0.12;
    private static final double EXACT_DUPLICATE_PROBABILITY = 0.15;
    private static final double CONFLICTING_DUPLICATE_PROBABILITY = 0.12;
    private static final double RESPELL_PROBABILITY = 0.2;
    /** Names that need CSV quoting (comma, quote) or are not ASCII; an empty last name leaves the first name alone. */
    private static final List<String> FIRST_NAMES =
            List.of("Ann", "Bo", "Chloé", "Dev", "O'Brien, Jr.", "Zoë \"Z\"", "Mai", "Ngaio");
    private static final List<String> LAST_NAMES = List.of("Lee", "Ng", "Smith", "Tan", "", "Øster", "de la Cruz");
    private static final Map<Step.Kind, Integer> WEIGHTS = Map.of(
            Step.Kind.NEW_FILE, 6, Step.Kind.REEXPORT, 4, Step.Kind.CORRECTION, 6, Step.Kind.REUPLOAD, 2,
            Step.Kind.DUPLICATE_DELIVERY, 2, Step.Kind.STALE_DELIVERY, 2, Step.Kind.CONCURRENT, 3);

    private enum Change { AMOUNT, CURRENCY, DATE, NAME, EMAIL, CUSTOMER }

    private record Customer(String firstName, String lastName, String email) {
    }

    private final long seed;
    private final List<String> currencies;
    private final int minSteps;
    private final int maxSteps;

    public ScenarioGenerator(long seed) {
        this(seed, FxRates.reference());
    }

    public ScenarioGenerator(long seed, FxRates fx) {
        this(seed, fx, MIN_STEPS, MAX_STEPS);
    }

    /** Scenarios of {@code minSteps..maxSteps} steps, plus the late deliveries still held back at the end. */
    public ScenarioGenerator(long seed, FxRates fx, int minSteps, int maxSteps) {
        if (minSteps < 1 || maxSteps < minSteps) {
            throw new IllegalArgumentException("steps must be 1 <= min <= max, got " + minSteps + ".." + maxSteps);
        }
        this.seed = seed;
        this.minSteps = minSteps;
        this.maxSteps = maxSteps;
        // Sorted, so the seed alone decides which currency a draw picks. A rate on the first purchase date covers
        // every later one, since a purchase converts with the latest rate on or before its date.
        List<String> usable = new ArrayList<>(List.of(FxRates.AUD));
        fx.currencies().stream().sorted()
                .filter(currency -> fx.audPerUnit(currency, FIRST_PURCHASE_DATE).isPresent())
                .forEach(usable::add);
        this.currencies = List.copyOf(usable);
    }

    public Scenario generate() {
        return new Draft().scenario();
    }

    /** One generation's mutable state; a fresh one per {@link #generate()} keeps the generator reusable. */
    private final class Draft {
        private final Random random = new Random(seed);
        private final Map<Long, Customer> customers = new HashMap<>();
        /** The newest version the scenario has stated per purchase id; a sorted map keeps draws reproducible. */
        private final Map<Long, PurchaseRow> stated = new TreeMap<>();
        private final List<Upload> delivered = new ArrayList<>();
        /** Uploaded, but their event is held back until newer uploads have been delivered. */
        private final Deque<Upload> withheld = new ArrayDeque<>();
        private long nextOrder = 1;
        private int filesWritten;
        private LocalDate day = FIRST_INGESTION_DATE;

        private Draft() {
            for (long id = 1; id <= CUSTOMERS; id++) {
                customers.put(id, newCustomer(id));
            }
        }

        Scenario scenario() {
            int stepCount = minSteps + random.nextInt(maxSteps - minSteps + 1);
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < stepCount; i++) {
                day = FIRST_INGESTION_DATE.plusDays((long) i * INGESTION_DAYS / stepCount);
                steps.add(step(i == 0 ? Step.Kind.NEW_FILE : pickKind()));
            }
            while (!withheld.isEmpty()) {
                steps.add(staleDelivery());
            }
            return new Scenario(seed, steps);
        }

        private Step.Kind pickKind() {
            int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
            int draw = random.nextInt(total);
            for (Step.Kind kind : Step.Kind.values()) {
                draw -= WEIGHTS.get(kind);
                if (draw < 0) {
                    return kind;
                }
            }
            throw new IllegalStateException("weights exhausted");
        }

        private Step step(Step.Kind kind) {
            return switch (kind) {
                case NEW_FILE -> single(kind, upload(freshRows(1 + random.nextInt(30), allCustomers())));
                case REEXPORT -> single(kind, upload(concat(repeats(1 + random.nextInt(15)),
                        freshRows(random.nextInt(16), allCustomers()))));
                case CORRECTION -> single(kind, upload(concat(corrections(pickStated(1 + random.nextInt(8))),
                        concat(repeats(random.nextInt(6)), freshRows(random.nextInt(6), allCustomers())))));
                case REUPLOAD -> single(kind, reupload(pick(delivered)));
                case DUPLICATE_DELIVERY -> single(kind, pick(delivered));
                case STALE_DELIVERY -> withheld.isEmpty() ? overtakenCorrection() : staleDelivery();
                case CONCURRENT -> concurrent();
            };
        }

        private Step single(Step.Kind kind, Upload upload) {
            return new Step(kind, List.of(deliver(upload)));
        }

        /**
         * Uploads a correction whose event is held back, then a newer correction of half of the same purchases that
         * is delivered now: when the held-back event finally arrives, only its other purchases may take effect.
         */
        private Step overtakenCorrection() {
            List<Long> purchaseIds = pickStated(2 + random.nextInt(6));
            withheld.add(upload(corrections(purchaseIds)));
            List<Long> overtaken = purchaseIds.subList(0, (purchaseIds.size() + 1) / 2);
            return single(Step.Kind.CORRECTION, upload(concat(corrections(overtaken),
                    freshRows(random.nextInt(4), allCustomers()))));
        }

        private Step staleDelivery() {
            return single(Step.Kind.STALE_DELIVERY, withheld.removeFirst());
        }

        /** Uploads for one day racing on a shared handful of customers and purchases; delivered out of order. */
        private Step concurrent() {
            List<Long> sharedCustomers = new ArrayList<>(allCustomers());
            Collections.shuffle(sharedCustomers, random);
            sharedCustomers = sharedCustomers.subList(0, 2 + random.nextInt(4));
            List<Long> sharedPurchases = pickStated(3 + random.nextInt(6));
            List<Delivery> deliveries = new ArrayList<>();
            int uploads = 2 + random.nextInt(7);
            for (int i = 0; i < uploads; i++) {
                List<Long> touched = new ArrayList<>(sharedPurchases);
                Collections.shuffle(touched, random);
                touched = touched.subList(0, Math.min(touched.size(), 1 + random.nextInt(4)));
                deliveries.add(deliver(upload(concat(corrections(touched),
                        freshRows(1 + random.nextInt(5), sharedCustomers)))));
            }
            Collections.shuffle(deliveries, random);
            return new Step(Step.Kind.CONCURRENT, deliveries);
        }

        private Delivery deliver(Upload upload) {
            if (!delivered.contains(upload)) {
                delivered.add(upload);
            }
            Optional<Fault> fault = Optional.empty();
            if (random.nextDouble() < FAULT_PROBABILITY) {
                fault = Optional.of(new Fault(pick(List.of(Fault.Stage.values())), pick(List.of(Fault.When.values()))));
            }
            return new Delivery(upload, fault);
        }

        /**
         * A new upload of {@code rows} (the first row per purchase id), with planted in-file duplicates now and
         * then. It is uploaded, so it states its purchases at once; its event is delivered when the caller says.
         */
        private Upload upload(List<PurchaseRow> rows) {
            Map<Long, PurchaseRow> byPurchase = new LinkedHashMap<>();
            rows.forEach(row -> byPurchase.putIfAbsent(row.purchaseId(), row));
            List<PurchaseRow> file = new ArrayList<>(byPurchase.values());
            if (file.isEmpty()) {
                file.addAll(freshRows(1, allCustomers()));
            }
            Collections.shuffle(file, random);
            file = new ArrayList<>(file.subList(0, Math.min(file.size(), MAX_ROWS_PER_FILE - 2)));
            if (random.nextDouble() < EXACT_DUPLICATE_PROBABILITY) {
                file.add(random.nextInt(file.size() + 1), pick(file));
            }
            if (random.nextDouble() < CONFLICTING_DUPLICATE_PROBABILITY) {
                file.add(random.nextInt(file.size() + 1), change(pick(file), Change.AMOUNT));
            }
            filesWritten++;
            String name = "purchases-" + day + "-" + String.format(Locale.ROOT, "%03d", filesWritten) + ".csv";
            return uploaded(new Upload(nextOrder++, day, name, file));
        }

        private Upload reupload(Upload earlier) {
            return uploaded(new Upload(nextOrder++, day, earlier.fileName(), earlier.rows()));
        }

        /** Purchases the file states unambiguously become the newest stated versions. */
        private Upload uploaded(Upload upload) {
            Map<Long, Set<PurchaseRow>> byPurchase = upload.rows().stream()
                    .collect(Collectors.groupingBy(PurchaseRow::purchaseId, Collectors.toSet()));
            byPurchase.forEach((purchaseId, rows) -> {
                if (rows.size() == 1) {
                    stated.put(purchaseId, rows.iterator().next());
                }
            });
            return upload;
        }

        private List<PurchaseRow> freshRows(int count, List<Long> customerIds) {
            List<PurchaseRow> rows = new ArrayList<>();
            Set<Long> used = new HashSet<>();
            for (int i = 0; i < count; i++) {
                long purchaseId = 1 + random.nextInt(PURCHASE_IDS);
                if (used.add(purchaseId)) {
                    long customerId = pick(customerIds);
                    Customer customer = customers.get(customerId);
                    rows.add(new PurchaseRow(customerId, customer.firstName(), customer.lastName(),
                            customer.email(), purchaseId, purchaseDate(), amount(), currency()));
                }
            }
            return rows;
        }

        /** Earlier purchases again, same values, sometimes spelled differently. */
        private List<PurchaseRow> repeats(int count) {
            return pickStated(count).stream().map(stated::get).map(this::maybeRespell).toList();
        }

        private List<PurchaseRow> corrections(List<Long> purchaseIds) {
            return purchaseIds.stream()
                    .map(id -> change(stated.get(id), pick(List.of(Change.values()))))
                    .toList();
        }

        private List<Long> pickStated(int count) {
            List<Long> ids = new ArrayList<>(stated.keySet());
            Collections.shuffle(ids, random);
            return new ArrayList<>(ids.subList(0, Math.min(count, ids.size())));
        }

        private PurchaseRow change(PurchaseRow row, Change change) {
            return switch (change) {
                case AMOUNT -> {
                    String amount = amount();
                    while (new BigDecimal(amount).compareTo(new BigDecimal(row.amount())) == 0) {
                        amount = amount();
                    }
                    yield withAmountAndCurrency(row, amount, row.currency());
                }
                case CURRENCY -> {
                    String currency = currency();
                    while (currency.equalsIgnoreCase(row.currency())) {
                        currency = currency();
                    }
                    yield withAmountAndCurrency(row, row.amount(), currency);
                }
                case DATE -> new PurchaseRow(row.customerId(), row.firstName(), row.lastName(), row.email(),
                        row.purchaseId(), otherDate(row.purchaseDate()), row.amount(), row.currency());
                case NAME -> {
                    Customer renamed = rename(row.customerId());
                    yield new PurchaseRow(row.customerId(), renamed.firstName(), renamed.lastName(), row.email(),
                            row.purchaseId(), row.purchaseDate(), row.amount(), row.currency());
                }
                case EMAIL -> {
                    Customer moved = newEmail(row.customerId());
                    yield new PurchaseRow(row.customerId(), row.firstName(), row.lastName(), moved.email(),
                            row.purchaseId(), row.purchaseDate(), row.amount(), row.currency());
                }
                case CUSTOMER -> {
                    long customerId = 1 + (row.customerId() + random.nextInt(CUSTOMERS - 1)) % CUSTOMERS;
                    Customer customer = customers.get(customerId);
                    yield new PurchaseRow(customerId, customer.firstName(), customer.lastName(), customer.email(),
                            row.purchaseId(), row.purchaseDate(), row.amount(), row.currency());
                }
            };
        }

        private PurchaseRow withAmountAndCurrency(PurchaseRow row, String amount, String currency) {
            return new PurchaseRow(row.customerId(), row.firstName(), row.lastName(), row.email(), row.purchaseId(),
                    row.purchaseDate(), amount, currency);
        }

        /** Same meaning, other spelling: trailing zeros, currency case, e-mail case. */
        private PurchaseRow maybeRespell(PurchaseRow row) {
            if (random.nextDouble() >= RESPELL_PROBABILITY) {
                return row;
            }
            BigDecimal amount = new BigDecimal(row.amount());
            String respelledAmount = amount.scale() < 2 ? amount.setScale(2).toPlainString()
                    : amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0).toPlainString()
                    : amount.stripTrailingZeros().toPlainString();
            String currency = row.currency().equals(row.currency().toUpperCase(Locale.ROOT))
                    ? row.currency().toLowerCase(Locale.ROOT) : row.currency().toUpperCase(Locale.ROOT);
            return new PurchaseRow(row.customerId(), row.firstName(), row.lastName(), row.email().toUpperCase(Locale.ROOT),
                    row.purchaseId(), row.purchaseDate(), respelledAmount, currency);
        }

        private Customer newCustomer(long id) {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            String local = (first + last).replaceAll("[^A-Za-z]", "");
            return new Customer(first, last, local + id + "@Example.com");
        }

        private Customer rename(long customerId) {
            Customer old = customers.get(customerId);
            Customer renamed = old;
            while (renamed.firstName().equals(old.firstName()) && renamed.lastName().equals(old.lastName())) {
                renamed = new Customer(pick(FIRST_NAMES), pick(LAST_NAMES), old.email());
            }
            customers.put(customerId, renamed);
            return renamed;
        }

        private Customer newEmail(long customerId) {
            Customer old = customers.get(customerId);
            Customer moved = new Customer(old.firstName(), old.lastName(),
                    "c" + customerId + "." + (1 + random.nextInt(1000)) + "@mail.example");
            customers.put(customerId, moved);
            return moved;
        }

        private LocalDate purchaseDate() {
            long days = ChronoUnit.DAYS.between(FIRST_PURCHASE_DATE, LAST_PURCHASE_DATE);
            return FIRST_PURCHASE_DATE.plusDays(random.nextInt((int) days + 1));
        }

        private LocalDate otherDate(LocalDate date) {
            LocalDate other = date;
            while (other.equals(date)) {
                other = purchaseDate();
            }
            return other;
        }

        /** 0 to 2,000 with up to 2 decimals, spelled with or without trailing zeros. */
        private String amount() {
            BigDecimal value = random.nextInt(50) == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(1 + random.nextInt(200_000), 2);
            int minimalScale = Math.max(0, value.stripTrailingZeros().scale());
            return value.setScale(minimalScale + random.nextInt(3 - minimalScale)).toPlainString();
        }

        /** AUD half the time; otherwise a currency with rates, now and then in lower case. */
        private String currency() {
            String currency = random.nextBoolean() ? FxRates.AUD : pick(currencies);
            return random.nextInt(10) == 0 ? currency.toLowerCase(Locale.ROOT) : currency;
        }

        private List<Long> allCustomers() {
            List<Long> ids = new ArrayList<>();
            for (long id = 1; id <= CUSTOMERS; id++) {
                ids.add(id);
            }
            return ids;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static List<PurchaseRow> concat(List<PurchaseRow> first, List<PurchaseRow> second) {
            List<PurchaseRow> rows = new ArrayList<>(first);
            rows.addAll(second);
            return rows;
        }
    }
}
