package com.c360.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes test purchase files and remembers what each row was meant to be, so the oracle can work from intent and raw
 * values rather than from the pipeline's own rules.
 */
final class PurchaseFeed {
    static final List<String> HEADER = List.of(
            "customer_id", "first_name", "last_name", "email", "purchase_id", "purchase_date", "amount", "currency");
    private static final String[] CURRENCIES = {"AUD", "USD", "EUR", "GBP", "JPY", "usd"};
    private static final String[] FIRST = {"Ann", "Bo", "Chloé", "Dev", "O'Brien, Jr.", "Zoë \"Z\""};
    private static final String[] LAST = {"Lee", "Ng", "Smith", "Tan", "", "Øster"};

    enum Kind { VALID, BAD, EXACT_DUPLICATE, CONFLICTING }

    /** One written row: its values in contract order and what it was meant to be. */
    record Row(Kind kind, List<String> values) {
        String get(String column) {
            return values.get(HEADER.indexOf(column));
        }
    }

    private final Random random;
    private long nextPurchaseId;

    PurchaseFeed(long seed, long firstPurchaseId) {
        this.random = new Random(seed);
        this.nextPurchaseId = firstPurchaseId;
    }

    List<Row> validRows(int count, int customers) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long customer = 1 + random.nextInt(customers);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = (i % 3 == 0 ? " " : "") + first.replaceAll("[^A-Za-z]", "").toUpperCase() + customer
                    + "@Example.com";
            LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(58));
            String dateText = i % 7 == 0 ? date + "T23:30:00+10:00" : date.toString();
            String amount = BigDecimal.valueOf(random.nextInt(200_000), random.nextInt(4)).toPlainString();
            rows.add(new Row(Kind.VALID, List.of(String.valueOf(customer), first, last, email,
                    String.valueOf(nextPurchaseId++), dateText, amount, CURRENCIES[random.nextInt(CURRENCIES.length)])));
        }
        return rows;
    }

    /** One row per bad-row class of contract v1. */
    List<Row> badRows() {
        List<List<String>> bad = List.of(
                List.of("", "No", "Customer", "x@x.com", id(), "2026-01-05", "1.00", "AUD"),
                List.of("5", "No", "Purchase", "x@x.com", "", "2026-01-05", "1.00", "AUD"),
                List.of("5", "No", "Date", "x@x.com", id(), "", "1.00", "AUD"),
                List.of("5", "No", "Amount", "x@x.com", id(), "2026-01-05", "", "AUD"),
                List.of("5", "No", "Currency", "x@x.com", id(), "2026-01-05", "1.00", ""),
                List.of("C-5", "Text", "Id", "x@x.com", id(), "2026-01-05", "1.00", "AUD"),
                List.of("5", "Text", "Amount", "x@x.com", id(), "2026-01-05", "ten", "AUD"),
                List.of("5", "Bad", "Date", "x@x.com", id(), "2026-02-30", "1.00", "AUD"),
                List.of("5", "Negative", "Amount", "x@x.com", id(), "2026-01-05", "-1.00", "AUD"),
                List.of("5", "Unknown", "Currency", "x@x.com", id(), "2026-01-05", "1.00", "XYZ"),
                List.of("5", "No", "Rate", "x@x.com", id(), "2025-06-01", "1.00", "USD"));
        return bad.stream().map(values -> new Row(Kind.BAD, values)).toList();
    }

    /** An exact copy (same purchase, spelled the same) of {@code original}. */
    static Row exactDuplicateOf(Row original) {
        return new Row(Kind.EXACT_DUPLICATE, original.values());
    }

    /** Two rows with one purchase_id and different amounts: neither may count. */
    List<Row> conflictingPair() {
        String purchaseId = id();
        return List.of(
                new Row(Kind.CONFLICTING, List.of("7", "Con", "Flict", "c@x.com", purchaseId, "2026-01-09", "5.00", "AUD")),
                new Row(Kind.CONFLICTING, List.of("7", "Con", "Flict", "c@x.com", purchaseId, "2026-01-09", "6.00", "AUD")));
    }

    private String id() {
        return String.valueOf(nextPurchaseId++);
    }

    /** RFC 4180, columns in {@code order}, with the given line ending and an optional UTF-8 BOM. */
    static Path write(Path file, List<Row> rows, List<String> order, String newline, boolean bom) throws IOException {
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "");
        csv.append(String.join(",", order)).append(newline);
        for (Row row : rows) {
            csv.append(order.stream().map(row::get).map(PurchaseFeed::quote).collect(Collectors.joining(",")))
                    .append(newline);
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n")
                || !value.equals(value.strip());
        return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
