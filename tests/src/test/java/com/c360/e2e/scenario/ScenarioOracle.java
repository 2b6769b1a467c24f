package com.c360.e2e.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What customer_purchase_summary must hold under exactly-once semantics, computed in plain Java from the uploads:
 * each purchase_id counts once, in the version of the newest upload (by upload order) that states it unambiguously.
 * Uploads may be accepted in any order and any number of times; only the distinct uploads and their orders matter.
 */
public final class ScenarioOracle {
    private static final Comparator<Version> LATEST_PURCHASE =
            Comparator.comparing(Version::date).thenComparingLong(Version::purchaseId);

    /**
     * A row's meaning after the pipeline's normalisation: values stripped, blank as absent, e-mail lower case,
     * currency upper case, amount compared by value. Two rows with equal versions are the same purchase, spelled
     * alike or not.
     */
    private record Version(long purchaseId, long customerId, String fullName, String email, LocalDate date,
            BigDecimal amount, String currency) {
    }

    private final FxRates fx;
    private final Map<Long, Upload> uploadsByOrder = new TreeMap<>();

    public ScenarioOracle(FxRates fx) {
        this.fx = fx;
    }

    /** The expected summary after exactly {@code uploads}, whatever their order and repetitions. */
    public static Map<Long, ExpectedSummary> expected(FxRates fx, Collection<Upload> uploads) {
        ScenarioOracle oracle = new ScenarioOracle(fx);
        uploads.forEach(oracle::accept);
        return oracle.summaries();
    }

    /** Records one delivery; a redelivery of a known upload is a no-op, so it must be that same upload. */
    public void accept(Upload upload) {
        Upload known = uploadsByOrder.putIfAbsent(upload.order(), upload);
        if (known != null && !known.equals(upload)) {
            throw new IllegalArgumentException("two different uploads share order " + upload.order() + ": "
                    + known.label() + " and " + upload.label());
        }
    }

    /** Customer id to expected row, ascending; customers without a current purchase have none. */
    public Map<Long, ExpectedSummary> summaries() {
        Map<Long, Version> current = new HashMap<>();
        uploadsByOrder.values().forEach(upload -> current.putAll(unambiguousVersions(upload)));
        Map<Long, List<Version>> byCustomer = current.values().stream()
                .collect(Collectors.groupingBy(Version::customerId));
        Map<Long, ExpectedSummary> summaries = new TreeMap<>();
        byCustomer.forEach((customer, purchases) -> summaries.put(customer, summary(customer, purchases)));
        return summaries;
    }

    /**
     * The purchases one file states: exact duplicates (equal after normalisation) collapse, while a purchase_id
     * with two different contents in the file is quarantined whole and says nothing.
     */
    private Map<Long, Version> unambiguousVersions(Upload upload) {
        Map<Long, Set<Version>> byPurchase = new HashMap<>();
        upload.rows().forEach(row -> byPurchase.computeIfAbsent(row.purchaseId(), id -> new LinkedHashSet<>())
                .add(version(row)));
        Map<Long, Version> versions = new HashMap<>();
        byPurchase.forEach((purchaseId, candidates) -> {
            if (candidates.size() == 1) {
                versions.put(purchaseId, candidates.iterator().next());
            }
        });
        return versions;
    }

    private ExpectedSummary summary(long customerId, List<Version> purchases) {
        Version latest = purchases.stream().max(LATEST_PURCHASE).orElseThrow();
        // Each row is converted and rounded on its own, as silver stores it, before the customer's rows are added up.
        BigDecimal total = purchases.stream().map(this::aud).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new ExpectedSummary(customerId, latest.fullName(), latest.email(), total, purchases.size(),
                purchases.stream().map(Version::date).min(Comparator.naturalOrder()).orElseThrow(),
                purchases.stream().map(Version::date).max(Comparator.naturalOrder()).orElseThrow());
    }

    private BigDecimal aud(Version purchase) {
        BigDecimal rate = fx.audPerUnit(purchase.currency(), purchase.date()).orElseThrow(() ->
                new IllegalArgumentException("the oracle models valid rows only, and the FX table has no "
                        + purchase.currency() + " rate on or before " + purchase.date()));
        return purchase.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    private static Version version(PurchaseRow row) {
        String fullName = Stream.of(row.firstName(), row.lastName())
                .map(ScenarioOracle::present)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        String email = present(row.email());
        return new Version(row.purchaseId(), row.customerId(), fullName.isEmpty() ? null : fullName,
                email == null ? null : email.toLowerCase(Locale.ROOT), row.purchaseDate(),
                new BigDecimal(row.amount().strip()).stripTrailingZeros(),
                row.currency().strip().toUpperCase(Locale.ROOT));
    }

    /** The CSV reader strips every value and treats an empty one as absent. */
    private static String present(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
