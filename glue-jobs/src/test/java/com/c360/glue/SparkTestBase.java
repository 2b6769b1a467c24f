package com.c360.glue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local SparkSession per test class (Iceberg TestBase style), shaped as the local runtime's; the Java 17 flags
 * come from the argLine.
 */
public abstract class SparkTestBase {
    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("c360-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
        spark = null;
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }
}
