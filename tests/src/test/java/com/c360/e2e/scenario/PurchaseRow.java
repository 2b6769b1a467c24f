package com.c360.e2e.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * One CSV row exactly as the scenario writes it. Amount and currency keep their spelling ({@code 12.5} vs
 * {@code 12.50}, {@code usd} vs {@code USD}) because two spellings of one value are still the same purchase.
 */
public record PurchaseRow(long customerId, String firstName, String lastName, String email, long purchaseId,
        LocalDate purchaseDate, String amount, String currency) {

    public static final List<String> HEADER = List.of(
            "customer_id", "first_name", "last_name", "email", "purchase_id", "purchase_date", "amount", "currency");

    /** The values in {@link #HEADER} order. */
    public List<String> values() {
        return List.of(String.valueOf(customerId), firstName, lastName, email, String.valueOf(purchaseId),
                purchaseDate.toString(), amount, currency);
    }
}
