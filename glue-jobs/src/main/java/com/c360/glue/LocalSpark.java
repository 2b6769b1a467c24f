package com.c360.glue;

import org.apache.spark.sql.SparkSession;

/**
 * The local-mode SparkSession the local runtime shares between all job classes of a run, and the tests use. Glue
 * builds its own session for each job on AWS; this lives beside the jobs so there is one definition of the local one.
 */
public final class LocalSpark {
    /** Two worker threads: the cores this machine kind has. */
    public static final String MASTER = "local[2]";

    private LocalSpark() {
    }

    public static SparkSession start(String appName) {
        return JobSpark.builder()
                .appName(appName)
                .master(MASTER)
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
