package com.c360.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The single-node reference: DuckDB, in this process, computing the pipeline's per-customer summary straight from the
 * CSV (duckdb-summary.sql), on as many threads as Spark gets.
 */
public final class DuckDbSummary {
    private static final String SUMMARY_SQL = load("duckdb-summary.sql");
    private static final String TOTALS_SQL =
            "SELECT sum(total_spent_aud), count(*), coalesce(sum(purchase_count), 0) FROM bench_summary";
    private static final double NANOS_PER_SECOND = 1e9;

    /** @param seconds building the summary table, connection and totals excluded */
    public record Run(SummaryTotals totals, double seconds, int threads) {
    }

    private DuckDbSummary() {
    }

    public static Run compute(Path purchasesCsv, Path fxRatesCsv, int threads) {
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            try (PreparedStatement setThreads = duckDb.prepareStatement("SET threads = " + Math.max(1, threads))) {
                setThreads.execute();
            }
            long started = System.nanoTime();
            try (PreparedStatement summary = duckDb.prepareStatement(SUMMARY_SQL)) {
                summary.setString(1, fxRatesCsv.toAbsolutePath().toString());
                summary.setString(2, purchasesCsv.toAbsolutePath().toString());
                summary.execute();
            }
            double seconds = (System.nanoTime() - started) / NANOS_PER_SECOND;
            try (Statement statement = duckDb.createStatement(); ResultSet row = statement.executeQuery(TOTALS_SQL)) {
                row.next();
                return new Run(new SummaryTotals(row.getBigDecimal(1), row.getLong(2), row.getLong(3)), seconds,
                        threads);
            }
        } catch (SQLException e) {
            throw new DuckDbReferenceException("DuckDB could not compute the summary of " + purchasesCsv, e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = DuckDbSummary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
