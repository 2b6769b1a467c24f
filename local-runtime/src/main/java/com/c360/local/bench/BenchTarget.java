package com.c360.local.bench;

/**
 * The targets for the full benchmark (10 million rows, 1 million customers, 2 cores), in one place. Stretch
 * goals, where the issue names one, are reported beside the target, not instead of it.
 */
public enum BenchTarget {
    END_TO_END_SECONDS("end to end, file in bronze to summary committed (s)", Bound.AT_MOST, 60, 40.0),
    RATIO_TO_DUCKDB("end to end / DuckDB from the same CSV", Bound.AT_MOST, 3, 2.0),
    STAGING_COPY_ROWS_PER_SECOND("staging load, COPY (rows/s)", Bound.AT_LEAST, 500_000, null),
    STAGING_COPY_TO_BATCH("staging load, COPY / JDBC batch inserts", Bound.AT_LEAST, 5, null),
    INCREMENTAL_RATIO("10k-row file: on the full history / on an empty one", Bound.AT_MOST,
            IncrementalBenchResult.TARGET_RATIO, null),
    TRIGGER_INIT_MILLIS("trigger cold init (ms)", Bound.AT_MOST, 300, null),
    TRIGGER_JAR_BYTES("c360-trigger.jar (bytes)", Bound.AT_MOST, 15_000_000, null),
    TOP_SPENDERS_P95_MILLIS("top-spenders p95 (ms)", Bound.AT_MOST, 5, null),
    BRONZE_TO_SILVER_SCALING("bronze→silver, 1 core's time / 2 cores'", Bound.AT_LEAST, 1.7, null);

    public enum Bound {
        AT_MOST("≤"), AT_LEAST("≥");

        final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }
    }

    private final String label;
    private final Bound bound;
    private final double threshold;
    private final Double stretch;

    BenchTarget(String label, Bound bound, double threshold, Double stretch) {
        this.label = label;
        this.bound = bound;
        this.threshold = threshold;
        this.stretch = stretch;
    }

    public String label() {
        return label;
    }

    public Bound bound() {
        return bound;
    }

    public double threshold() {
        return threshold;
    }

    /** The stretch goal, or null. */
    public Double stretch() {
        return stretch;
    }

    public boolean metBy(double value) {
        return Double.isFinite(value) && (bound == Bound.AT_MOST ? value <= threshold : value >= threshold);
    }

    public boolean stretchMetBy(double value) {
        return stretch != null && Double.isFinite(value)
                && (bound == Bound.AT_MOST ? value <= stretch : value >= stretch);
    }
}
