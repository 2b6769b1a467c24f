package com.c360.lambda.upsert;

import com.c360.lambda.db.SqlFailures;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The upsert's SQL, against the tables of {@code sql/V1__customer_purchase_tables.sql}. */
final class JdbcSummaryTransaction implements SummaryTransaction {
    /** Key of the transaction-scoped advisory lock every summary writer takes ("c360" in ASCII). */
    static final long SUMMARY_WRITER_LOCK_KEY = 0x63333630L;

    private static final String LOCK_RUN = """
            SELECT ingestion_date, staged_rows, applied_at IS NOT NULL AS applied, customers_upserted
            FROM pipeline_run WHERE run_id = ? FOR UPDATE""";
    private static final String COUNT_STAGED = """
            SELECT count(*) FROM customer_purchase_summary_staging WHERE run_id = ?""";
    private static final String LOCK_SUMMARY_WRITERS = "SELECT pg_advisory_xact_lock(?)";
    // Runs of one day are ordered by when they staged: a later staging read the day's gold later, so it is newer.
    private static final String NEWER_APPLIED_RUN = """
            SELECT EXISTS (
                SELECT 1 FROM pipeline_run other JOIN pipeline_run own ON own.run_id = ?
                WHERE other.ingestion_date = own.ingestion_date
                  AND other.applied_at IS NOT NULL
                  AND (other.staged_at, other.run_id) > (own.staged_at, own.run_id))""";
    private static final String CREATE_AFFECTED = """
            CREATE TEMP TABLE affected_customer (customer_id BIGINT PRIMARY KEY) ON COMMIT DROP""";
    private static final String COLLECT_AFFECTED = """
            INSERT INTO affected_customer
            SELECT customer_id FROM customer_daily_purchase WHERE ingestion_date = ?
            UNION
            SELECT customer_id FROM customer_purchase_summary_staging WHERE run_id = ?""";
    private static final String DELETE_DAY = "DELETE FROM customer_daily_purchase WHERE ingestion_date = ?";
    private static final String INSERT_DAY = """
            INSERT INTO customer_daily_purchase (customer_id, ingestion_date, full_name, email, total_spent_aud,
                purchase_count, first_purchase_date, last_purchase_date, latest_purchase_id, run_id)
            SELECT customer_id, ingestion_date, full_name, email, total_spent_aud,
                purchase_count, first_purchase_date, last_purchase_date, latest_purchase_id, run_id
            FROM customer_purchase_summary_staging WHERE run_id = ?""";
    // The WHERE on the conflict branch leaves unchanged rows alone, so a replay does not even touch updated_at.
    private static final String RECOMPUTE_SUMMARIES = """
            INSERT INTO customer_purchase_summary AS s (customer_id, full_name, email, total_spent_aud,
                first_purchase_date, last_purchase_date, updated_at)
            SELECT totals.customer_id, latest.full_name, latest.email, totals.total_spent_aud,
                totals.first_purchase_date, totals.last_purchase_date, now()
            FROM (
                SELECT d.customer_id, SUM(d.total_spent_aud) AS total_spent_aud,
                    MIN(d.first_purchase_date) AS first_purchase_date, MAX(d.last_purchase_date) AS last_purchase_date
                FROM customer_daily_purchase d JOIN affected_customer a ON a.customer_id = d.customer_id
                GROUP BY d.customer_id
            ) totals
            JOIN (
                SELECT DISTINCT ON (d.customer_id) d.customer_id, d.full_name, d.email
                FROM customer_daily_purchase d JOIN affected_customer a ON a.customer_id = d.customer_id
                ORDER BY d.customer_id, d.last_purchase_date DESC, d.latest_purchase_id DESC, d.ingestion_date DESC
            ) latest ON latest.customer_id = totals.customer_id
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
    private static final String DELETE_ORPHANED_SUMMARIES = """
            DELETE FROM customer_purchase_summary s USING affected_customer a
            WHERE s.customer_id = a.customer_id
              AND NOT EXISTS (SELECT 1 FROM customer_daily_purchase d WHERE d.customer_id = s.customer_id)""";
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
    public boolean hasNewerAppliedRunOfSameDay(StagedRun run) {
        try (PreparedStatement statement = connection.prepareStatement(NEWER_APPLIED_RUN)) {
            statement.setString(1, run.runId());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("Looking for newer runs of " + run.ingestionDate(), e);
        }
    }

    @Override
    public int replaceDayAndRecomputeSummaries(StagedRun run) {
        Date day = Date.valueOf(run.ingestionDate());
        try {
            execute(CREATE_AFFECTED);
            try (PreparedStatement collect = connection.prepareStatement(COLLECT_AFFECTED)) {
                collect.setDate(1, day);
                collect.setString(2, run.runId());
                collect.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(DELETE_DAY)) {
                delete.setDate(1, day);
                delete.executeUpdate();
            }
            int staged;
            try (PreparedStatement insert = connection.prepareStatement(INSERT_DAY)) {
                insert.setString(1, run.runId());
                staged = insert.executeUpdate();
            }
            execute(RECOMPUTE_SUMMARIES);
            execute(DELETE_ORPHANED_SUMMARIES);
            return staged;
        } catch (SQLException e) {
            throw SqlFailures.translate(
                    "Replacing ingestion day " + run.ingestionDate() + " with run " + run.runId(), e);
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
