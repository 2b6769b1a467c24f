package com.c360.glue.rds;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Iterator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Stages one run's gold changes in a single transaction: the run's previous staging and {@code pipeline_run} row go, the
 * rows stream in with COPY, and a fresh {@code pipeline_run} row (not yet applied) records how many there are. A
 * re-run of the same run therefore leaves it staged exactly once, and a failure leaves the previous state intact.
 * The rows go in PostgreSQL's binary COPY format ({@link BinaryCopyWriter}), which the server stores without parsing
 * text.
 */
public final class StagingLoader {
    static final String COPY_STAGING = "COPY customer_purchase_summary_staging (run_id, ingestion_date, customer_id, "
            + "full_name, email, total_spent_aud, purchase_count, first_purchase_date, last_purchase_date, "
            + "latest_purchase_id, silver_version) FROM STDIN WITH (FORMAT binary)";
    private static final int STAGED_COLUMNS = 11;
    /** First half of the per-run advisory lock's key ("stg" in ASCII). */
    private static final int RUN_LOCK_CLASS = 0x737467;
    // Two stagings of one run take turns: the second's DELETE then sees the first's committed rows. Without it, that
    // DELETE would run on a snapshot without the first's uncommitted rows and both stagings' rows would stay (the
    // staging table has no key to refuse them). The two-int form keeps this key space apart from the upsert's bigint lock.
    private static final String LOCK_RUN = "SELECT pg_advisory_xact_lock(" + RUN_LOCK_CLASS + ", hashtext(?))";
    private static final String DELETE_STAGED = "DELETE FROM customer_purchase_summary_staging WHERE run_id = ?";
    private static final String DELETE_RUN = "DELETE FROM pipeline_run WHERE run_id = ?";
    private static final String INSERT_RUN =
            "INSERT INTO pipeline_run (run_id, ingestion_date, staged_rows, staged_at) VALUES (?, ?, ?, now())";
    private static final int COPY_BUFFER_BYTES = 1 << 16;

    /** @return the number of rows staged, as counted by the server */
    public long stage(Connection connection, String runId, LocalDate ingestionDate, Iterator<StagingRow> rows)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_RUN)) {
                lock.setString(1, runId);
                lock.executeQuery().close();
            }
            executeForRun(connection, DELETE_STAGED, runId);
            executeForRun(connection, DELETE_RUN, runId);
            long staged = copy(connection, runId, ingestionDate, rows);
            try (PreparedStatement insertRun = connection.prepareStatement(INSERT_RUN)) {
                insertRun.setString(1, runId);
                insertRun.setDate(2, Date.valueOf(ingestionDate));
                insertRun.setInt(3, Math.toIntExact(staged));
                insertRun.executeUpdate();
            }
            connection.commit();
            return staged;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long copy(Connection connection, String runId, LocalDate ingestionDate, Iterator<StagingRow> rows)
            throws SQLException {
        CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING);
        try {
            BinaryCopyWriter binary = new BinaryCopyWriter(copyIn, COPY_BUFFER_BYTES);
            binary.header();
            while (rows.hasNext()) {
                StagingRow row = rows.next();
                binary.startRow(STAGED_COLUMNS);
                binary.text(runId);
                binary.date(ingestionDate);
                binary.int8(row.customerId());
                binary.text(row.fullName());
                binary.text(row.email());
                binary.numeric(row.totalSpentAud());
                binary.int4(row.purchaseCount());
                binary.date(row.firstPurchaseDate());
                binary.date(row.lastPurchaseDate());
                binary.int8(row.latestPurchaseId());
                binary.int8(row.silverVersion());
            }
            binary.finish();
            return copyIn.endCopy();
        } catch (SQLException | RuntimeException e) {
            // Without the cancel the connection would stay in COPY mode, its half-sent rows neither ended nor refused.
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
            throw e;
        }
    }

    private static void executeForRun(Connection connection, String sql, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, runId);
            statement.executeUpdate();
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
