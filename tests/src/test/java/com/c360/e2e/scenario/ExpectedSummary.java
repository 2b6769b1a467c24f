package com.c360.e2e.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One customer_purchase_summary row as the oracle expects it; {@code totalSpentAud} always has scale 2. */
public record ExpectedSummary(long customerId, String fullName, String email, BigDecimal totalSpentAud,
        long purchaseCount, LocalDate firstPurchaseDate, LocalDate lastPurchaseDate) {
}
