package com.c360.local.bench;

import com.c360.local.query.RdsTopSpenders;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * The {@code ./c360 top-spenders} query's latency over the loaded summary: {@link RdsTopSpenders}, the command's own
 * code, run on one open connection, so the figure is the query's and not the connection set-up's.
 *
 * <p>The warm-up is long enough for the JIT to compile the client's side of the query (pgjdbc and the row mapping):
 * with 20 warm-up runs, the first 200 measured ones of a fresh JVM right after an 898,000-row load had a p95 of 3.2 ms
 * against 0.4 ms in a JVM that had run the query before the load (docs/bench/top-spenders-2026-12-02.md), so the
 * figure measured this JVM's warm-up, not PostgreSQL.
 */
public final class TopSpendersLatency {
    public static final int WARM_UP_RUNS = 2_000;
    public static final int MEASURED_RUNS = 200;
    public static final int LIMIT = 10;
    private static final double NANOS_PER_MILLI = 1e6;

    public record Result(int warmUpRuns, int runs, int limit, double p50Millis, double p95Millis) {
    }

    private TopSpendersLatency() {
    }

    public static Result measure(DataSource database) {
        try (Connection connection = database.getConnection()) {
            RdsTopSpenders query = new RdsTopSpenders(sharing(connection));
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                query.top(LIMIT);
            }
            double[] millis = new double[MEASURED_RUNS];
            for (int i = 0; i < MEASURED_RUNS; i++) {
                long started = System.nanoTime();
                query.top(LIMIT);
                millis[i] = (System.nanoTime() - started) / NANOS_PER_MILLI;
            }
            return new Result(WARM_UP_RUNS, MEASURED_RUNS, LIMIT, percentile(millis, 50), percentile(millis, 95));
        } catch (SQLException e) {
            throw new BenchDatabaseException("could not connect for the top-spenders latency", e);
        }
    }

    /** Nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or below it. */
    static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** A data source handing out {@code connection} each time, whose {@code close()} leaves it open. */
    private static DataSource sharing(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
