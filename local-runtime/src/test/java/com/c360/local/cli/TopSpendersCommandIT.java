package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.db.LocalDatabase;
import com.c360.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopSpendersCommandIT {
    @TempDir
    Path home;

    private PostgresTestDatabase server;
    private Map<String, String> environment;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createSummaries() throws SQLException {
        server = PostgresTestDatabase.create(TopSpendersCommandIT.class);
        environment = server.connectionEnvironment(LocalDatabase.URL_ENV, LocalDatabase.USER_ENV,
                LocalDatabase.PASSWORD_ENV);
        try (LocalDatabase database = LocalDatabase.open(home, environment);
                Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO customer_purchase_summary
                            (customer_id, full_name, email, total_spent_aud, first_purchase_date, last_purchase_date)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            // 300 and 200 tie on total: the lower customer id ranks first.
            insertSummary(insert, 300, "Cy", "cy@example.com", "75.10", "2025-02-01", "2025-03-01");
            insertSummary(insert, 100, "Al", "al@example.com", "20.00", "2025-01-01", "2025-01-31");
            insertSummary(insert, 200, "Bea", "bea@example.com", "75.10", "2025-01-15", "2025-04-01");
            insertSummary(insert, 400, "Di", "di@example.com", "99.99", "2025-05-05", "2025-05-06");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        server.close();
    }

    private int run(String... args) {
        C360Cli cli = new C360Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, new Properties());
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = home.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return cli.run(withHome);
    }

    @Test
    void fromRds_printsHighestTotalsFirst_tiesByCustomerId_limitedTable() {
        int exitCode = run("top-spenders", "--limit", "3");

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                rank  customer_id  full_name  email            total_spent_aud  first_purchase_date  last_purchase_date
                   1          400  Di         di@example.com             99.99  2025-05-05           2025-05-06
                   2          200  Bea        bea@example.com            75.10  2025-01-15           2025-04-01
                   3          300  Cy         cy@example.com             75.10  2025-02-01           2025-03-01
                """);
    }

    @Test
    void fromRds_asJson_printsEveryCustomerInRankOrder() throws Exception {
        int exitCode = run("top-spenders", "--json");

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode array = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(array).hasSize(4);
        assertThat(array.findValuesAsText("customer_id")).containsExactly("400", "200", "300", "100");
        assertThat(array.get(3).get("total_spent_aud").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(array.get(3).get("rank").asInt()).isEqualTo(4);
    }

    @Test
    void fromRds_onADatabaseNothingWasIngestedInto_failsSayingSo_andLeavesTheSchemaAlone() throws SQLException {
        try (PostgresTestDatabase empty = PostgresTestDatabase.create(TopSpendersCommandIT.class)) {
            environment = empty.connectionEnvironment(LocalDatabase.URL_ENV, LocalDatabase.USER_ENV,
                    LocalDatabase.PASSWORD_ENV);

            int exitCode = run("top-spenders");

            assertThat(exitCode).isNotZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing has been ingested");
            try (Connection connection = empty.connect();
                    ResultSet tables = connection.getMetaData().getTables(null, "public", "%", null)) {
                assertThat(tables.next()).as("a query command created no table").isFalse();
            }
        }
    }

    private static void insertSummary(PreparedStatement insert, long customerId, String name, String email,
            String total, String first, String last) throws SQLException {
        insert.setLong(1, customerId);
        insert.setString(2, name);
        insert.setString(3, email);
        insert.setBigDecimal(4, new BigDecimal(total));
        insert.setObject(5, LocalDate.parse(first));
        insert.setObject(6, LocalDate.parse(last));
        insert.executeUpdate();
    }
}
