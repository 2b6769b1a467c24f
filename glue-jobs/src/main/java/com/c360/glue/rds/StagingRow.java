package com.c360.glue.rds;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Row;

/**
 * One gold change on its way into {@code customer_purchase_summary_staging}: a customer's recomputed row, or with
 * {@code purchaseCount} 0 a customer left without purchases. Fields are nullable on purpose: the table's constraints,
 * not this class, decide what a broken gold row fails with.
 */
public record StagingRow(Long customerId, String fullName, String email, BigDecimal totalSpentAud,
        Long purchaseCount, LocalDate firstPurchaseDate, LocalDate lastPurchaseDate, Long latestPurchaseId,
        Long silverVersion) {

    /** Columns in the order {@link #fromGold} reads them; the reader selects exactly these. */
    static final String[] GOLD_COLUMNS = {"customer_id", "full_name", "email", "total_spent_aud", "purchase_count",
        "first_purchase_date", "last_purchase_date", "latest_purchase_id", "silver_version"};

    static StagingRow fromGold(Row row) {
        return new StagingRow(
                row.isNullAt(0) ? null : row.getLong(0),
                row.getString(1),
                row.getString(2),
                row.getDecimal(3),
                row.isNullAt(4) ? null : row.getLong(4),
                localDate(row.get(5)),
                localDate(row.get(6)),
                row.isNullAt(7) ? null : row.getLong(7),
                row.isNullAt(8) ? null : row.getLong(8));
    }

    /** Spark hands dates over as java.sql.Date, or as LocalDate when its Java 8 time API is switched on. */
    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
