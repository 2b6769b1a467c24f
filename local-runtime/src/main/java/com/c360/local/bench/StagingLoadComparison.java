package com.c360.local.bench;

import com.c360.glue.rds.StagingLoader;
import com.c360.glue.rds.StagingRow;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * gold→RDS's staging load ({@link StagingLoader}: COPY) against plain JDBC batches of INSERTs of the same rows into a
 * scratch copy of the staging table (same columns, constraints and indexes), in the same database.
 */
public final class StagingLoadComparison {
    public static final int BATCH_SIZE = 1000;
    static final String RUN_ID = "bench-staging-load";
    /** The staging table's columns the summary lacks get fixed stand-ins; the rest are the summary's. */
    static final String NOTE = "rows: the loaded summary's rows in the staging table's shape; purchase_count (1), "
            + "latest_purchase_id (0) and silver_version (0), which the summary lacks, are stand-ins";

    private static final String READ_SUMMARY = """
            SELECT customer_id, full_name, email, total_spent_aud, first_purchase_date, last_purchase_date
            FROM customer_purchase_summary ORDER BY customer_id""";
    private static final String CREATE_SCRATCH = "CREATE TEMP TABLE bench_staging_batch "
            + "(LIKE customer_purchase_summary_staging INCLUDING ALL)";
    private static final String INSERT_SCRATCH = "INSERT INTO bench_staging_batch (run_id, ingestion_date, "
            + "customer_id, full_name, email, total_spent_aud, purchase_count, first_purchase_date, "
            + "last_purchase_date, latest_purchase_id, silver_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final double NANOS_PER_SECOND = 1e9;

    /** Rows loaded each way, and the seconds each took (commit included). */
    public record Result(long rows, double copySeconds, double batchSeconds) {
        public double copyRowsPerSecond() {
            return rows / copySeconds;
        }

        public double batchRowsPerSecond() {
            return rows / batchSeconds;
        }

        /** How many times faster COPY is. */
        public double ratio() {
            return batchSeconds / copySeconds;
        }
    }

    private StagingLoadComparison() {
    }

    public static Result run(DataSource database) {
        LocalDate day = LocalDate.now();
        try (Connection connection = database.getConnection()) {
            List<StagingRow> rows = summaryRows(connection);
            long started = System.nanoTime();
            long copied = new StagingLoader().stage(connection, RUN_ID, day, rows.iterator());
            double copySeconds = secondsSince(started);
            removeStaged(connection);
            if (copied != rows.size()) {
                throw new IllegalStateException("COPY staged " + copied + " of " + rows.size() + " rows");
            }

            started = System.nanoTime();
            batchInsert(connection, day, rows);
            double batchSeconds = secondsSince(started);
            return new Result(rows.size(), copySeconds, batchSeconds);
        } catch (SQLException e) {
            throw new BenchDatabaseException("the staging load comparison failed", e);
        }
    }

    private static List<StagingRow> summaryRows(Connection connection) throws SQLException {
        List<StagingRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(READ_SUMMARY)) {
            while (row.next()) {
                rows.add(new StagingRow(row.getLong(1), row.getString(2), row.getString(3), row.getBigDecimal(4), 1L,
                        row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class), 0L, 0L));
            }
        }
        return rows;
    }

    private static void batchInsert(Connection connection, LocalDate day, List<StagingRow> rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(CREATE_SCRATCH);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SCRATCH)) {
            int pending = 0;
            for (StagingRow row : rows) {
                insert.setString(1, RUN_ID);
                insert.setDate(2, Date.valueOf(day));
                insert.setLong(3, row.customerId());
                insert.setString(4, row.fullName());
                insert.setString(5, row.email());
                insert.setBigDecimal(6, row.totalSpentAud());
                insert.setLong(7, row.purchaseCount());
                insert.setObject(8, row.firstPurchaseDate());
                insert.setObject(9, row.lastPurchaseDate());
                insert.setLong(10, row.latestPurchaseId());
                insert.setLong(11, row.silverVersion());
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The COPY run's rows must not stay behind in a shared (C360_DB_URL) database. */
    private static void removeStaged(Connection connection) throws SQLException {
        for (String sql : List.of("DELETE FROM customer_purchase_summary_staging WHERE run_id = ?",
                "DELETE FROM pipeline_run WHERE run_id = ?")) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setString(1, RUN_ID);
                delete.executeUpdate();
            }
        }
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / NANOS_PER_SECOND;
    }
}
