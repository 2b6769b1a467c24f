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
    // Counts distinct customers too: the staging table has no unique key, so this is where a customer staged twice
    // is caught.
    private static final String COUNT_STAGED = """
            SELECT count(*), count(DISTINCT customer_id) FROM customer_purchase_summary_staging WHERE run_id = ?""";
    private static final String LOCK_SUMMARY_WRITERS = "SELECT pg_advisory_xact_lock(?)";
    // Sorts and hashes over a run's rows stay in memory up to this much per plan node; beyond it they spill to disk
    // rather than fail. Scoped to the transaction, so it is small enough for the smallest RDS class to run it.
    static final String RAISE_WORK_MEM = "SET LOCAL work_mem = '64MB'";
    // The run's rows arrived after the table's statistics were taken: without fresh ones the planner takes an unseen
    // run_id for a handful of rows and plans nested loops over hundreds of thousands. Samples a bounded number of rows.
    static final String ANALYZE_STAGING = "ANALYZE customer_purchase_summary_staging";
    // One statement, so the run's staged rows are read and joined once. A staged customer wins when its silver
    // version is newer than the last one applied; ties and older ones lose, so a replay, a retry or a late run changes
    // nothing. Plain INSERTs and UPDATEs instead of ON CONFLICT (a speculative insertion per row) are safe because
    // every writer holds the summary writer lock, so no row appears between this statement's snapshot and its
    // writes. The summary sub-statements touch disjoint customers: changed and added ones have purchases (the
    // former a row already, the latter none), emptied ones have none. Only values that differ are written, so a
    // replay does not even touch updated_at.
    static final String APPLY_NEWER_CHANGES = """
            WITH winning AS MATERIALIZED (
                SELECT st.customer_id, st.silver_version, st.purchase_count, st.full_name, st.email,
                    st.total_spent_aud, st.first_purchase_date, st.last_purchase_date,
                    v.customer_id IS NOT NULL AS versioned
                FROM customer_purchase_summary_staging st
                LEFT JOIN customer_summary_version v ON v.customer_id = st.customer_id
                WHERE st.run_id = ? AND (v.customer_id IS NULL OR v.silver_version < st.silver_version)),
            versions_raised AS (
                UPDATE customer_summary_version v SET silver_version = w.silver_version
                FROM winning w WHERE w.versioned AND v.customer_id = w.customer_id),
            versions_added AS (
                INSERT INTO customer_summary_version (customer_id, silver_version)
                SELECT customer_id, silver_version FROM winning WHERE NOT versioned ORDER BY customer_id),
            changed AS (
                UPDATE customer_purchase_summary s SET full_name = w.full_name, email = w.email,
                    total_spent_aud = w.total_spent_aud, first_purchase_date = w.first_purchase_date,
                    last_purchase_date = w.last_purchase_date, updated_at = now()
                FROM winning w
                WHERE w.purchase_count > 0 AND s.customer_id = w.customer_id
                    AND (s.full_name, s.email, s.total_spent_aud, s.first_purchase_date, s.last_purchase_date)
                        IS DISTINCT FROM (w.full_name, w.email, w.total_spent_aud, w.first_purchase_date,
                            w.last_purchase_date)),
            added AS (
                INSERT INTO customer_purchase_summary (customer_id, full_name, email, total_spent_aud,
                    first_purchase_date, last_purchase_date, updated_at)
                SELECT customer_id, full_name, email, total_spent_aud, first_purchase_date, last_purchase_date, now()
                FROM winning w
                WHERE w.purchase_count > 0
                    AND NOT EXISTS (SELECT FROM customer_purchase_summary s WHERE s.customer_id = w.customer_id)
                ORDER BY customer_id),
            emptied AS (
                DELETE FROM customer_purchase_summary s USING winning w
                WHERE w.purchase_count = 0 AND s.customer_id = w.customer_id)
            SELECT count(*) FROM winning""";
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
    public StagedCount countStaged(String runId) {
        try (PreparedStatement statement = connection.prepareStatement(COUNT_STAGED)) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new StagedCount(Math.toIntExact(row.getLong(1)), Math.toIntExact(row.getLong(2)));
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
            execute(RAISE_WORK_MEM);
            execute(ANALYZE_STAGING);
            try (PreparedStatement statement = connection.prepareStatement(APPLY_NEWER_CHANGES)) {
                statement.setString(1, run.runId());
                try (ResultSet winning = statement.executeQuery()) {
                    winning.next();
                    return Math.toIntExact(winning.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("Applying the changes of run " + run.runId(), e);
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
