package com.c360.glue;

import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.scheduler.SparkListener;
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

    /** Runs {@code work} with {@code listener} on the session's listener bus, until it has heard every event of it. */
    protected static <T> T listeningDuring(SparkListener listener, Supplier<T> work)
            throws TimeoutException {
        spark.sparkContext().addSparkListener(listener);
        try {
            T result = work.get();
            spark.sparkContext().listenerBus().waitUntilEmpty();
            return result;
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
        spark = null;
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }
}
