package com.c360.local.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** The tables c360's migrations create, which {@code reset} and {@code bench} empty. */
public final class C360Tables {
    public static final List<String> ALL = List.of("customer_purchase_summary", "customer_summary_version",
            "customer_purchase_summary_staging", "pipeline_run");

    private C360Tables() {
    }

    /** Empties {@link #ALL}; the schema and its migration history stay. */
    public static void empty(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // Fixed table names, no user input: nothing to parameterise.
            statement.execute("TRUNCATE TABLE " + String.join(", ", ALL));
        }
    }
}
