package com.c360.glue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local[2] SparkSession per test class (Iceberg TestBase style); the Java 17 flags come from the argLine.
 */
public abstract class SparkTestBase {
    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("c360-test")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
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
