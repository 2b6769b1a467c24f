package com.c360.glue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSparkIT extends SparkTestBase {
    @TempDir
    Path dir;

    @Test
    void jobsSession_isTheRunningClassicSession_withAnsiOnAndUnrebasedParquetDates() {
        SparkSession session = JobSpark.getOrCreate();

        assertThat(session).isSameAs(spark).isInstanceOf(org.apache.spark.sql.classic.SparkSession.class);
        assertThat(session.conf().get("spark.sql.ansi.enabled")).isEqualTo("true");
        assertThat(session.conf().get("spark.sql.parquet.datetimeRebaseModeInWrite")).isEqualTo("CORRECTED");
    }

    @Test
    void queryPlannedAgainAfterMoreThanSparksDefaultCacheOfOtherQueries_compilesNothing() {
        String again = "SELECT id * 7 + 3 AS again FROM range(3)";
        compile(again);
        for (int other = 0; other < 120; other++) {
            // Literals are part of the generated code: each of these is a class of its own.
            compile("SELECT id + " + other + " AS other FROM range(1)");
        }
        long compiledBefore = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();

        compile(again);

        assertThat(CodegenMetrics.METRIC_COMPILATION_TIME().getCount()).isEqualTo(compiledBefore);
    }

    /** The RDD of a query's physical plan: whole-stage code is generated and compiled then, without running a job. */
    private static void compile(String query) {
        ((org.apache.spark.sql.classic.Dataset<?>) spark.sql(query)).queryExecution().toRdd();
    }

    @Test
    void dateBeforeTheGregorianSwitch_writesToParquetAndReadsBackUnchanged() {
        // With the legacy EXCEPTION mode this write failed with WRITE_ANCIENT_DATETIME.
        String path = dir.resolve("ancient").toUri().toString();

        spark.sql("SELECT DATE'1582-10-10' AS d").write().parquet(path);

        assertThat(spark.read().parquet(path).selectExpr("CAST(d AS STRING)").first().getString(0))
                .isEqualTo("1582-10-10");
    }
}
