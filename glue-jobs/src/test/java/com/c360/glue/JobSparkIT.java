package com.c360.glue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    void dateBeforeTheGregorianSwitch_writesToParquetAndReadsBackUnchanged() {
        // With the legacy EXCEPTION mode this write failed with WRITE_ANCIENT_DATETIME.
        String path = dir.resolve("ancient").toUri().toString();

        spark.sql("SELECT DATE'1582-10-10' AS d").write().parquet(path);

        assertThat(spark.read().parquet(path).selectExpr("CAST(d AS STRING)").first().getString(0))
                .isEqualTo("1582-10-10");
    }
}
