package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.bench.HistorySeeder;
import com.c360.local.db.LocalDatabase;
import com.c360.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --incremental} end to end with tiny numbers: both runs succeed and are compared, and the history run's
 * summary holds exactly the file's customers, with their history and the file's purchases added up.
 */
class IncrementalBenchIT {
    private static final int HISTORY_ROWS = 20_000;
    private static final int FILE_ROWS = 500;
    private static final Set<String> CURRENCIES = Set.of("AUD", "USD", "NZD", "EUR", "GBP", "JPY");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern KEPT_HOME = Pattern.compile("kept the benchmark home (\\S+)");

    @TempDir
    Path work;

    private PostgresTestDatabase server;
    private Map<String, String> environment;
    private Path kept;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createDatabase() {
        server = PostgresTestDatabase.create(IncrementalBenchIT.class);
        environment = server.connectionEnvironment(LocalDatabase.URL_ENV, LocalDatabase.USER_ENV,
                LocalDatabase.PASSWORD_ENV);
    }

    @AfterEach
    void cleanUp() {
        server.close();
        if (kept != null) {
            new HomeDirectory(kept).delete();
        }
    }

    @Test
    void smallHistory_bothRunsCompared_summaryHoldsTheFilesCustomersWithHistoryAndFileTotals() throws Exception {
        Path json = work.resolve("incremental.json");
        C360Cli cli = new C360Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, new Properties());

        int exitCode = cli.run("--spark-cores", "2", "bench", "--incremental", "--history-rows", "" + HISTORY_ROWS,
                "--rows", "" + FILE_ROWS, "--skip-warm-up", "--keep", "--out", json.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        Matcher keptHome = KEPT_HOME.matcher(printed);
        if (keptHome.find()) {
            kept = Path.of(keptHome.group(1));
        }
        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("target: total ratio <= 1.5:");

        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.path("input").path("rows").asInt()).isEqualTo(FILE_ROWS);
        assertThat(result.path("history").path("rows").asLong()).isEqualTo(HISTORY_ROWS);
        for (String run : List.of("empty_history", "with_history")) {
            JsonNode measured = result.path("runs").path(run);
            assertThat(measured.path("succeeded").asBoolean()).as(run).isTrue();
            assertThat(measured.path("total_seconds").asDouble()).as(run).isPositive();
            assertThat(measured.path("stage_seconds").has("SilverToGold")).as(run).isTrue();
        }
        double ratio = result.path("ratio_with_to_empty_history").path("total").asDouble();
        assertThat(ratio).isPositive();
        assertThat(result.path("target").path("met").asBoolean()).isEqualTo(ratio <= 1.5);

        assertThat(kept).as("the kept home's path in\n" + printed).isNotNull();
        Map<Long, BigDecimal> summary = summaryTotals();
        List<CSVRecord> file = fileRecords(kept.resolve("samples"));
        assertThat(summary.keySet()).isEqualTo(validCustomers(file));
        List<Long> checked = audOnlyCustomers(file);
        assertThat(checked).hasSizeGreaterThanOrEqualTo(2);
        for (Long customer : checked.subList(0, 2)) {
            assertThat(summary.get(customer)).as("customer %d", customer)
                    .isEqualByComparingTo(historyTotal(customer).add(fileTotal(file, customer)));
        }
    }

    private Map<Long, BigDecimal> summaryTotals() throws SQLException {
        Map<Long, BigDecimal> totals = new HashMap<>();
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT customer_id, total_spent_aud FROM customer_purchase_summary")) {
            while (rows.next()) {
                totals.put(rows.getLong(1), rows.getBigDecimal(2));
            }
        }
        return totals;
    }

    private static List<CSVRecord> fileRecords(Path samples) throws IOException {
        Path csv;
        try (Stream<Path> files = Files.list(samples)) {
            csv = files.filter(path -> path.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
    }

    /** A row the contract accepts: a customer, a positive decimal amount, an ISO date and a known currency. */
    private static boolean valid(CSVRecord row) {
        if (row.get("customer_id").isBlank() || !AMOUNT.matcher(row.get("amount")).matches()
                || new BigDecimal(row.get("amount")).signum() <= 0 || !CURRENCIES.contains(row.get("currency"))) {
            return false;
        }
        try {
            LocalDate.parse(row.get("purchase_date"));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Customers with a valid row whose purchase id no other, differing row has: conflicting copies are all refused. */
    private static Set<Long> validCustomers(List<CSVRecord> file) {
        Map<String, Set<List<String>>> versionsPerPurchaseId = file.stream().collect(Collectors.groupingBy(
                row -> row.get("purchase_id"), Collectors.mapping(CSVRecord::toList, Collectors.toSet())));
        return file.stream()
                .filter(row -> valid(row) && versionsPerPurchaseId.get(row.get("purchase_id")).size() == 1)
                .map(row -> Long.parseLong(row.get("customer_id")))
                .collect(Collectors.toSet());
    }

    /**
     * Customers whose every row is a valid AUD purchase with a purchase id no other row has, most rows first: their
     * total needs no FX rate and no choice between two versions of one purchase.
     */
    private static List<Long> audOnlyCustomers(List<CSVRecord> file) {
        Map<String, Long> rowsPerPurchaseId = file.stream()
                .collect(Collectors.groupingBy(row -> row.get("purchase_id"), Collectors.counting()));
        Set<String> disqualified = new HashSet<>();
        Map<Long, Integer> rowsPerCustomer = new HashMap<>();
        for (CSVRecord row : file) {
            String customer = row.get("customer_id");
            if (customer.isBlank()) {
                continue;
            }
            boolean audOnce = row.get("currency").equals("AUD") && rowsPerPurchaseId.get(row.get("purchase_id")) == 1;
            if (!valid(row) || !audOnce) {
                disqualified.add(customer);
            }
            rowsPerCustomer.merge(Long.parseLong(customer), 1, Integer::sum);
        }
        return rowsPerCustomer.entrySet().stream()
                .filter(entry -> !disqualified.contains(entry.getKey().toString()))
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static BigDecimal fileTotal(List<CSVRecord> file, long customer) {
        return file.stream().filter(row -> row.get("customer_id").equals(Long.toString(customer)))
                .map(row -> new BigDecimal(row.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal historyTotal(long customer) {
        int customers = HistorySeeder.customersFor(HISTORY_ROWS);
        BigDecimal total = BigDecimal.ZERO;
        for (long row = 0; row < HISTORY_ROWS; row++) {
            if (HistorySeeder.customerOf(row, customers) == customer) {
                total = total.add(HistorySeeder.amountAudOf(row));
            }
        }
        return total;
    }
}
