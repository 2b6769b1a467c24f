package com.c360.glue.rds;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.LongStream;

/**
 * Measures {@link StagingLoader} against the plain JDBC way of loading the same rows (one prepared INSERT, addBatch
 * and executeBatch every {@value #BATCH_ROWS} rows, one transaction), on a throwaway database of the test Postgres.
 * A main, not a test, so no build runs it and nothing asserts on time. Each way loads {@code rows} rows {@code rounds}
 * times into an emptied staging table, alternating; prints each round's rows per second.
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

    private StagingLoadBenchmark() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (StagingDatabase database = StagingDatabase.create(StagingLoadBenchmark.class)) {
            for (int round = 1; round <= rounds; round++) {
                database.truncate();
                report("StagingLoader (COPY)", rows, time(() -> {
                    try (Connection connection = database.connect()) {
                        new StagingLoader().stage(connection, RUN, DAY, rows(rows));
                    }
                }));
                database.truncate();
                report("JDBC batch insert", rows, time(() -> batchInsert(database, rows(rows))));
            }
        }
    }

    /** Customers 1..rows, one in twenty emptied, with text of a realistic length. */
    private static Iterator<StagingRow> rows(int rows) {
        return LongStream.rangeClosed(1, rows).mapToObj(id -> id % 20 == 0
                ? new StagingRow(id, null, null, null, 0L, null, null, null, 3L)
                : new StagingRow(id, "Customer " + id, "customer." + id + "@example.com",
                        BigDecimal.valueOf(id % 100_000, 2), 1 + id % 7, DAY.minusDays(id % 400),
                        DAY.minusDays(id % 30), id * 10, 3L)).iterator();
    }

    private static void batchInsert(StagingDatabase database, Iterator<StagingRow> rows) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_STAGED)) {
                int pending = 0;
                while (rows.hasNext()) {
                    StagingRow row = rows.next();
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
    }

    private static double time(Load load) throws SQLException, IOException {
        long start = System.nanoTime();
        load.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String way, int rows, double seconds) {
        System.out.printf("%-22s %,d rows in %6.2f s = %,9.0f rows/s%n", way, rows, seconds, rows / seconds);
    }

    @FunctionalInterface
    private interface Load {
        void run() throws SQLException, IOException;
    }
}
