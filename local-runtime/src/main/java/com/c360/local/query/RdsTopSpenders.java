package com.c360.local.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Top spenders as users see them: straight from {@code customer_purchase_summary}. */
public final class RdsTopSpenders implements TopSpenderSource {
    private static final String TOP_SPENDERS_SQL = """
            SELECT customer_id, full_name, email, total_spent_aud, first_purchase_date, last_purchase_date
            FROM customer_purchase_summary
            ORDER BY total_spent_aud DESC, customer_id
            LIMIT ?""";

    private static final String UNDEFINED_TABLE = "42P01";

    private final DataSource dataSource;

    public RdsTopSpenders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<TopSpender> top(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(TOP_SPENDERS_SQL)) {
            statement.setInt(1, limit);
            List<TopSpender> spenders = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    spenders.add(new TopSpender(
                            rows.getLong("customer_id"),
                            rows.getString("full_name"),
                            rows.getString("email"),
                            rows.getBigDecimal("total_spent_aud"),
                            rows.getObject("first_purchase_date", LocalDate.class),
                            rows.getObject("last_purchase_date", LocalDate.class)));
                }
            }
            return spenders;
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw new SummaryQueryException("there is no customer_purchase_summary yet: nothing has been ingested"
                        + " into this database (run ./c360 demo or ./c360 ingest FILE first)", e);
            }
            throw new SummaryQueryException("could not read customer_purchase_summary", e);
        }
    }
}
