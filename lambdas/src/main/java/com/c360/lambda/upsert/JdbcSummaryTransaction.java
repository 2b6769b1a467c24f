package com.c360.lambda.upsert;

import com.c360.lambda.db.SqlFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The upsert's SQL, against the tables of {@code sql/V1__customer_purchase_tables.sql} as V2 leaves them. */
final class JdbcSummaryTransaction implements SummaryTransaction {
    /** Key of the transaction-scoped advisory lock every summary writer takes ("c360" in ASCII). */
    static final long SUMMARY_WRITER_LOCK_KEY = 0x63333630L;

    private static final String LOCK_RUN = """
            SELECT ingestion_date, staged_rows, applied_at IS NOT NULL AS applied, customers_upserted
            FROM pipeline_run WHERE run_id = ? FOR UPDATE""";
    private static final String COUNT_STAGED = """
            SELECT count(*) FROM customer_purchase_summary_staging WHERE run_id = ?""";
    private static final String LOCK_SUMMARY_WRITERS = "SELECT pg_advisory_xact_lock(?)";
    private static final String CREATE_WINNING = """
            CREATE TEMP TABLE winning_change (customer_id BIGINT PRIMARY KEY) ON COMMIT DROP""";
    // A staged customer wins when its silver version is newer than the last one applied; ties and older ones lose,
    // so a replay, a retry or a late run changes nothing. Keys in order, so concurrent writers lock rows alike.
    private static final String CLAIM_NEWER_VERSIONS = """
            WITH claimed AS (
                INSERT INTO customer_summary_version AS v (customer_id, silver_version)
                SELECT customer_id, silver_version FROM customer_purchase_summary_staging
                WHERE run_id = ? ORDER BY customer_id
                ON CONFLICT (customer_id) DO UPDATE SET silver_version = EXCLUDED.silver_version
                WHERE v.silver_version < EXCLUDED.silver_version
                RETURNING v.customer_id)
            INSERT INTO winning_change SELECT customer_id FROM claimed""";
    // The WHERE on the conflict branch leaves unchanged rows alone, so a replay does not even touch updated_at.
    private static final String UPSERT_WINNING_SUMMARIES = """
            INSERT INTO customer_purchase_summary AS s (customer_id, full_name, email, total_spent_aud,
                first_purchase_date, last_purchase_date, updated_at)
            SELECT st.customer_id, st.full_name, st.email, st.total_spent_aud,
                st.first_purchase_date, st.last_purchase_date, now()
            FROM customer_purchase_summary_staging st JOIN winning_change w ON w.customer_id = st.customer_id
            WHERE st.run_id = ? AND st.purchase_count > 0
            ORDER BY st.customer_id
            ON CONFLICT (customer_id) DO UPDATE SET
                full_name = EXCLUDED.full_name,
                email = EXCLUDED.email,
                total_spent_aud = EXCLUDED.total_spent_aud,
                first_purchase_date = EXCLUDED.first_purchase_date,
                last_purchase_date = EXCLUDED.last_purchase_date,
                updated_at = EXCLUDED.updated_at
            WHERE (s.full_name, s.email, s.total_spent_aud, s.first_purchase_date, s.last_purchase_date)
                IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.email, EXCLUDED.total_spent_aud,
                    EXCLUDED.first_purchase_date, EXCLUDED.last_purchase_date)""";
    private static final String DELETE_EMPTIED_SUMMARIES = """
            DELETE FROM customer_purchase_summary s
            USING customer_purchase_summary_staging st JOIN winning_change w ON w.customer_id = st.customer_id
            WHERE st.run_id = ? AND st.purchase_count = 0 AND s.customer_id = st.customer_id""";
    private static final String DELETE_STAGED = "DELETE FROM customer_purchase_summary_staging WHERE run_id = ?";
    private static final String MARK_APPLIED = """
            UPDATE pipeline_run SET applied_at = now(), customers_upserted = ? WHERE run_id = ?""";

    private final Connection connection;

    JdbcSummaryTransaction(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<StagedRun> lockRun(String runId) {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_RUN)) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StagedRun(runId, row.getDate("ingestion_date").toLocalDate(),
                        row.getInt("staged_rows"), row.getBoolean("applied"), row.getInt("customers_upserted")));
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("Locking pipeline_run " + runId, e);
        }
    }

    @Override
    public int countStagedRows(String runId) {
        try (PreparedStatement statement = connection.prepareStatement(COUNT_STAGED)) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return Math.toIntExact(row.getLong(1));
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("Counting staged rows of " + runId, e);
        }
    }

    @Override
    public void lockSummaryWriters() {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_SUMMARY_WRITERS)) {
            statement.setLong(1, SUMMARY_WRITER_LOCK_KEY);
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw SqlFailures.translate("Taking the summary writer lock", e);
        }
    }

    @Override
    public int applyNewerChanges(StagedRun run) {
        try {
            execute(CREATE_WINNING);
            int winning = executeForRun(CLAIM_NEWER_VERSIONS, run.runId());
            executeForRun(UPSERT_WINNING_SUMMARIES, run.runId());
            executeForRun(DELETE_EMPTIED_SUMMARIES, run.runId());
            return winning;
        } catch (SQLException e) {
            throw SqlFailures.translate("Applying the changes of run " + run.runId(), e);
        }
    }

    private int executeForRun(String sql, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, runId);
            return statement.executeUpdate();
        }
    }

    @Override
    public void deleteStagedRows(String runId) {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_STAGED)) {
            statement.setString(1, runId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.translate("Deleting staged rows of " + runId, e);
        }
    }

    @Override
    public void markApplied(String runId, int customersUpserted) {
        try (PreparedStatement statement = connection.prepareStatement(MARK_APPLIED)) {
            statement.setInt(1, customersUpserted);
            statement.setString(2, runId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.translate("Marking " + runId + " applied", e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
