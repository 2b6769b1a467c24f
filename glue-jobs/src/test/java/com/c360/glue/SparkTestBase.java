package com.c360.glue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local SparkSession per test class (Iceberg TestBase style), on every core of the machine: the jobs' own settings
 * ({@link JobSpark}) with the local ones the local runtime adds. The Java 17 flags and the loopback driver address come
 * from the argLine.
 */
public abstract class SparkTestBase {
    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = JobSpark.builder()
                .appName("c360-test")
                .master("local[" + Runtime.getRuntime().availableProcessors() + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
        spark = null;
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }
}
