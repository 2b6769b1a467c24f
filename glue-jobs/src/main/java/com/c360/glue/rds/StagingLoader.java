package com.c360.glue.rds;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Stages one run's gold changes in a single transaction: the run's previous staging and {@code pipeline_run} row go, the
 * rows stream in with COPY, and a fresh {@code pipeline_run} row (not yet applied) records how many there are. A
 * re-run of the same run therefore leaves it staged exactly once, and a failure leaves the previous state intact.
 */
public final class StagingLoader {
    static final String COPY_STAGING = "COPY customer_purchase_summary_staging (run_id, ingestion_date, customer_id, "
            + "full_name, email, total_spent_aud, purchase_count, first_purchase_date, last_purchase_date, "
            + "latest_purchase_id, silver_version) FROM STDIN WITH (FORMAT csv)";
    private static final String DELETE_STAGED = "DELETE FROM customer_purchase_summary_staging WHERE run_id = ?";
    private static final String DELETE_RUN = "DELETE FROM pipeline_run WHERE run_id = ?";
    private static final String INSERT_RUN =
            "INSERT INTO pipeline_run (run_id, ingestion_date, staged_rows, staged_at) VALUES (?, ?, ?, now())";
    private static final int COPY_BUFFER_BYTES = 1 << 16;

    /**
     * Postgres' own CSV dialect: every non-null value quoted (so an empty string stays distinct from NULL, and a
     * value of {@code \.} cannot end the data), NULL as an unquoted empty field.
     */
    private static final CSVFormat COPY_CSV = CSVFormat.POSTGRESQL_CSV;

    /** @return the number of rows staged, as counted by the server */
    public long stage(Connection connection, String runId, LocalDate ingestionDate, Iterator<StagingRow> rows)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
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
        } catch (SQLException | IOException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long copy(Connection connection, String runId, LocalDate ingestionDate, Iterator<StagingRow> rows)
            throws SQLException, IOException {
        PGCopyOutputStream copyIn = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING), COPY_BUFFER_BYTES);
        try {
            Writer text = new OutputStreamWriter(copyIn, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(text, COPY_CSV);
            String day = ingestionDate.toString();
            while (rows.hasNext()) {
                StagingRow row = rows.next();
                csv.printRecord(runId, day, row.customerId(), row.fullName(), row.email(),
                        row.totalSpentAud() == null ? null : row.totalSpentAud().toPlainString(),
                        row.purchaseCount(), row.firstPurchaseDate(), row.lastPurchaseDate(), row.latestPurchaseId(),
                        row.silverVersion());
            }
            csv.flush();
            return copyIn.endCopy();
        } catch (SQLException | IOException | RuntimeException e) {
            // Without the cancel, closing the stream would try to finish the COPY with a half-written row.
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
            throw e;
        } finally {
            copyIn.close();
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
