package com.c360.glue.silver;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Rows computed once and kept as Spark's own binary rows (a local checkpoint), for plans that read them more than
 * once. Cheaper than {@link Dataset#persist()}, whose columnar cache encodes and compresses every column on the way
 * in; and the plans above start from the stored rows instead of from the bronze file.
 */
final class Materialized {
    private Materialized() {
    }

    static Dataset<Row> store(Dataset<Row> rows) {
        return rows.localCheckpoint(true);
    }

    /** Frees what {@link #store} kept now, instead of whenever the driver's garbage collector notices. */
    static void release(Dataset<Row> stored) {
        if (stored instanceof org.apache.spark.sql.classic.Dataset<Row> classic
                && classic.logicalPlan() instanceof LogicalRDD checkpoint) {
            checkpoint.rdd().unpersist(false);
        }
    }
}
