package com.c360.glue.rds;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Measures {@link StagingLoader} (binary COPY) against the text COPY it replaced (CSV written with commons-csv) and the
 * plain JDBC way of loading the same rows (one prepared INSERT, addBatch and executeBatch every {@value #BATCH_ROWS}
 * rows), each into the staging table as V3 leaves it (unlogged, no key) and as V2 left it (logged, primary key
 * {@code (run_id, customer_id)}), on a throwaway database of the test Postgres. A main, not a test, so no build runs it
 * and nothing asserts on time. The rows are generated before the clock starts. Every load is one transaction into an
 * emptied table; the ways alternate within each of {@code rounds} rounds. Prints per load the wall seconds and rows per
 * second, the loading thread's CPU seconds and, when the server runs on this machine, its backend's CPU seconds (from
 * {@code /proc}): on a loaded machine the CPU seconds are steadier than wall time.
 *
 * <p>{@code java -cp <glue-jobs test classpath> com.c360.glue.rds.StagingLoadBenchmark [rows] [rounds]}
 */
public final class StagingLoadBenchmark {
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    private static final String RUN = "bench-run";
    private static final int BATCH_ROWS = 1000;
    private static final String INSERT_STAGED = "INSERT INTO customer_purchase_summary_staging (run_id, "
            + "ingestion_date, customer_id, full_name, email, total_spent_aud, purchase_count, first_purchase_date, "
            + "last_purchase_date, latest_purchase_id, silver_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COPY_CSV = StagingLoader.COPY_STAGING.replace("FORMAT binary", "FORMAT csv");
    /** Linux reports process CPU in ticks of 1/100 s. */
    private static final double TICKS_PER_SECOND = 100;

    /** The staging table in one shape, and the DDL that gives it that shape from V3's. */
    private enum Table {
        V3_UNLOGGED_NO_KEY("unlogged, no key", List.of(), List.of()),
        V2_LOGGED_KEY("logged, key", List.of("ALTER TABLE customer_purchase_summary_staging SET LOGGED",
                "ALTER TABLE customer_purchase_summary_staging ADD PRIMARY KEY (run_id, customer_id)"),
                List.of("ALTER TABLE customer_purchase_summary_staging DROP CONSTRAINT "
                        + "customer_purchase_summary_staging_pkey",
                        "ALTER TABLE customer_purchase_summary_staging SET UNLOGGED"));

        private final String label;
        private final List<String> enter;
        private final List<String> leave;

        Table(String label, List<String> enter, List<String> leave) {
            this.label = label;
            this.enter = enter;
            this.leave = leave;
        }
    }

    private StagingLoadBenchmark() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<StagingRow> generated = rows(rows);
        try (StagingDatabase database = StagingDatabase.create(StagingLoadBenchmark.class)) {
            for (int round = 1; round <= rounds; round++) {
                for (Table table : Table.values()) {
                    executeAll(database, table.enter);
                    measure(database, table, "binary COPY (StagingLoader)", connection ->
                            new StagingLoader().stage(connection, RUN, DAY, generated.iterator()));
                    measure(database, table, "text COPY (CSV, before)", connection ->
                            csvCopy(connection, generated));
                    measure(database, table, "JDBC batch insert", connection ->
                            batchInsert(connection, generated));
                    executeAll(database, table.leave);
                }
            }
        }
    }

    /** Customers 1..rows, one in twenty emptied, with text of a realistic length. */
    private static List<StagingRow> rows(int rows) {
        return LongStream.rangeClosed(1, rows).mapToObj(id -> id % 20 == 0
                ? new StagingRow(id, null, null, null, 0L, null, null, null, 3L)
                : new StagingRow(id, "Customer " + id, "customer." + id + "@example.com",
                        BigDecimal.valueOf(id % 100_000, 2), 1 + id % 7, DAY.minusDays(id % 400),
                        DAY.minusDays(id % 30), id * 10, 3L)).toList();
    }

    /** The text COPY StagingLoader used before binary: Postgres' CSV dialect, every non-null value quoted. */
    private static void csvCopy(Connection connection, List<StagingRow> rows) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (PGCopyOutputStream copyIn = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_CSV), 1 << 16)) {
            Writer text = new OutputStreamWriter(copyIn, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(text, CSVFormat.POSTGRESQL_CSV);
            String day = DAY.toString();
            for (StagingRow row : rows) {
                csv.printRecord(RUN, day, row.customerId(), row.fullName(), row.email(),
                        row.totalSpentAud() == null ? null : row.totalSpentAud().toPlainString(),
                        row.purchaseCount(), row.firstPurchaseDate(), row.lastPurchaseDate(), row.latestPurchaseId(),
                        row.silverVersion());
            }
            csv.flush();
            copyIn.endCopy();
        }
        connection.commit();
    }

    private static void batchInsert(Connection connection, List<StagingRow> rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STAGED)) {
            int pending = 0;
            for (StagingRow row : rows) {
                insert.setString(1, RUN);
                insert.setDate(2, Date.valueOf(DAY));
                insert.setLong(3, row.customerId());
                insert.setString(4, row.fullName());
                insert.setString(5, row.email());
                insert.setBigDecimal(6, row.totalSpentAud());
                insert.setLong(7, row.purchaseCount());
                insert.setObject(8, row.firstPurchaseDate(), Types.DATE);
                insert.setObject(9, row.lastPurchaseDate(), Types.DATE);
                insert.setObject(10, row.latestPurchaseId(), Types.BIGINT);
                insert.setLong(11, row.silverVersion());
                insert.addBatch();
                if (++pending == BATCH_ROWS) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    private static void measure(StagingDatabase database, Table table, String way, Load load)
            throws SQLException {
        database.truncate();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Connection connection = database.connect()) {
            Path backend = backendStat(connection);
            double backendBefore = cpuSeconds(backend);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            try {
                load.run(connection);
            } catch (IOException e) {
                throw new IllegalStateException(way + " failed", e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double clientCpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            double backendCpu = cpuSeconds(backend) - backendBefore;
            long loaded = count(connection);
            System.out.printf("%-17s %-28s %,d rows in %6.2f s = %,9.0f rows/s; CPU client %5.2f s, server %s%n",
                    table.label, way, loaded, seconds, loaded / seconds, clientCpu,
                    Double.isNaN(backendCpu) ? "n/a" : String.format("%5.2f s", backendCpu));
        }
    }

    private static Path backendStat(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return Path.of("/proc", String.valueOf(pid.getInt(1)), "stat");
        }
    }

    /** utime + stime of the process, fields 14 and 15 of /proc/[pid]/stat (after the parenthesised name); NaN if the
     *  server is not on this machine. */
    private static double cpuSeconds(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM customer_purchase_summary_staging")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void executeAll(StagingDatabase database, List<String> statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @FunctionalInterface
    private interface Load {
        void run(Connection connection) throws SQLException, IOException;
    }
}
