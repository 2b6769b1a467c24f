package com.c360.local.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One customer's lifetime summary, as the top-spenders listing shows it (rank is the position in the list). */
public record TopSpender(
        long customerId,
        String fullName,
        String email,
        BigDecimal totalSpentAud,
        LocalDate firstPurchaseDate,
        LocalDate lastPurchaseDate) {
}
