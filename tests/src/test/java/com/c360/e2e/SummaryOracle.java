package com.c360.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What customer_purchase_summary must hold after the given files, computed in plain Java from the raw rows. */
final class SummaryOracle {

    record SummaryRow(long customerId, String fullName, String email, BigDecimal totalSpentAud,
            LocalDate firstPurchaseDate, LocalDate lastPurchaseDate) {
    }

    private record Purchase(long customerId, long purchaseId, LocalDate date, BigDecimal aud, String fullName,
            String email) {
    }

    /** currency -> rate_date -> AUD per unit, the same numbers the test writes into its FX file. */
    private final Map<String, TreeMap<LocalDate, BigDecimal>> fx;

    SummaryOracle(Map<String, TreeMap<LocalDate, BigDecimal>> fx) {
        this.fx = fx;
    }

    Map<Long, SummaryRow> expected(List<List<PurchaseFeed.Row>> files) {
        Map<Long, List<Purchase>> byCustomer = files.stream()
                .flatMap(List::stream)
                .filter(row -> row.kind() == PurchaseFeed.Kind.VALID)
                .map(this::purchase)
                .collect(Collectors.groupingBy(Purchase::customerId));
        Map<Long, SummaryRow> expected = new TreeMap<>();
        byCustomer.forEach((customer, purchases) -> {
            Purchase latest = purchases.stream()
                    .max(Comparator.comparing(Purchase::date).thenComparingLong(Purchase::purchaseId)).orElseThrow();
            expected.put(customer, new SummaryRow(customer, latest.fullName(), latest.email(),
                    purchases.stream().map(Purchase::aud).reduce(BigDecimal.ZERO, BigDecimal::add),
                    purchases.stream().map(Purchase::date).min(Comparator.naturalOrder()).orElseThrow(),
                    latest.date()));
        });
        return expected;
    }

    private Purchase purchase(PurchaseFeed.Row row) {
        LocalDate date = LocalDate.parse(row.get("purchase_date").substring(0, 10));
        String currency = row.get("currency").toUpperCase(Locale.ROOT);
        BigDecimal rate = currency.equals("AUD") ? BigDecimal.ONE : fx.get(currency).floorEntry(date).getValue();
        BigDecimal aud = new BigDecimal(row.get("amount")).multiply(rate).setScale(2, RoundingMode.HALF_UP);
        String fullName = Stream.of(row.get("first_name"), row.get("last_name"))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        return new Purchase(Long.parseLong(row.get("customer_id")), Long.parseLong(row.get("purchase_id")), date, aud,
                fullName.isEmpty() ? null : fullName, row.get("email").strip().toLowerCase(Locale.ROOT));
    }
}
