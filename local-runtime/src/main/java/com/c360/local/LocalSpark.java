package com.c360.local;

import com.c360.glue.JobSpark;
import org.apache.spark.sql.SparkSession;

/**
 * The local-mode SparkSession the local runtime shares between all job classes of a run, on as many cores as it is
 * given: by default every core of this machine, or {@code --spark-cores}. The jobs' own settings come from
 * {@link JobSpark}, as on Glue, which builds its own session on AWS.
 */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static int machineCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Spark's master URL for {@code cores} worker threads. */
    public static String master(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("Spark needs at least one core, was given " + cores);
        }
        return "local[" + cores + "]";
    }

    /** A session on every core of this machine. */
    public static SparkSession start(String appName) {
        return start(appName, machineCores());
    }

    public static SparkSession start(String appName, int cores) {
        return JobSpark.builder()
                .appName(appName)
                .master(master(cores))
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
