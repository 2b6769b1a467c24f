package com.c360.local.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A summary's grand totals: what the pipeline and DuckDB must agree on.
 *
 * @param totalSpentAud the sum of every customer's {@code total_spent_aud}
 * @param customers customers with a summary row
 * @param purchases purchases counted into the totals
 */
public record SummaryTotals(BigDecimal totalSpentAud, long customers, long purchases) {

    public SummaryTotals {
        totalSpentAud = totalSpentAud == null ? BigDecimal.ZERO.setScale(2) : totalSpentAud;
    }

    /** Equal amounts whatever their scale, and equal counts. */
    public boolean sameAs(SummaryTotals other) {
        return totalSpentAud.compareTo(other.totalSpentAud) == 0 && customers == other.customers
                && purchases == other.purchases;
    }

    /**
     * The pipeline's totals: amounts and customers from the Postgres summary table, which has no purchase count, so
     * {@code purchases} comes from the ingestion's audit record (valid purchases merged into silver).
     */
    public static SummaryTotals ofSummaryTable(DataSource database, long purchases) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT sum(total_spent_aud), count(*) FROM customer_purchase_summary")) {
            row.next();
            return new SummaryTotals(row.getBigDecimal(1), row.getLong(2), purchases);
        } catch (SQLException e) {
            throw new BenchDatabaseException("could not read the totals of customer_purchase_summary", e);
        }
    }
}
