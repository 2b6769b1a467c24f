package com.c360.glue;

import com.c360.contract.TableCatalog;
import org.apache.spark.sql.SparkSession;

/**
 * Where every c360 job gets its SparkSession, on Glue and in the local runtime, so both run the same settings.
 *
 * <ul>
 *   <li><b>Classic mode.</b> Spark 4's {@code SparkSession.builder()} picks Classic or Connect from
 *       {@code spark.api.mode}, {@code spark.remote} and {@code SPARK_REMOTE}; the jobs build on the Classic companion
 *       itself instead of leaving that choice to the environment. ({@code Builder.classic()} is no help on 4.1.1: it
 *       selects Connect when both are on the classpath, SPARK-58223.)</li>
 *   <li><b>Parquet dates written as they are</b> (proleptic Gregorian, {@code CORRECTED}): what Spark 3+, Athena and
 *       PostgreSQL all read. The validator already keeps dates before 1900 out of silver, so no date ever needs the
 *       legacy hybrid-calendar rebase, and none can fail a write with {@code WRITE_ANCIENT_DATETIME}.</li>
 *   <li><b>Iceberg's SQL extensions</b> ({@code MERGE INTO}, {@code WRITE ORDERED BY}), which only take effect when
 *       the session is built; the catalogs themselves are set per job from its arguments.</li>
 * </ul>
 */
public final class JobSpark {
    static final String PARQUET_DATETIME_REBASE_IN_WRITE = "spark.sql.parquet.datetimeRebaseModeInWrite";
    static final String PARQUET_INT96_REBASE_IN_WRITE = "spark.sql.parquet.int96RebaseModeInWrite";
    static final String SPARK_EXTENSIONS = "spark.sql.extensions";

    private JobSpark() {
    }

    /** The shared settings; the local runtime and the tests add the local ones (master, UTC, no UI). */
    public static org.apache.spark.sql.classic.SparkSession.Builder builder() {
        return org.apache.spark.sql.classic.SparkSession.builder()
                .config(PARQUET_DATETIME_REBASE_IN_WRITE, "CORRECTED")
                .config(PARQUET_INT96_REBASE_IN_WRITE, "CORRECTED")
                .config(SPARK_EXTENSIONS, TableCatalog.SPARK_EXTENSIONS);
    }

    /** The session Glue (or the local runtime, which started it first) runs the job in. */
    public static SparkSession getOrCreate() {
        return builder().getOrCreate();
    }
}
