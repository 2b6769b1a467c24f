package com.c360.local;

import org.apache.spark.sql.SparkSession;

/** The one SparkSession a local run shares between all Glue job classes (Glue gives each job its own cluster). */
public final class LocalSpark {
    /** Two worker threads: the cores this machine kind has. */
    public static final String MASTER = "local[2]";

    private LocalSpark() {
    }

    public static SparkSession start(String appName) {
        return SparkSession.builder()
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
