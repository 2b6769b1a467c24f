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
 *   <li><b>Room for every generated class of a pipeline execution.</b> One execution's queries compile about 300
 *       classes, three times Spark's default cache of 100, so a JVM that runs executions one after another (the local
 *       runtime, the tests) compiled every class again each time: 6,787 compilations in eight exactly-once scenarios,
 *       502 with this cache, 21 % less wall time. A Glue job run, a JVM of its own, is unaffected.</li>
 * </ul>
 */
public final class JobSpark {
    static final String PARQUET_DATETIME_REBASE_IN_WRITE = "spark.sql.parquet.datetimeRebaseModeInWrite";
    static final String PARQUET_INT96_REBASE_IN_WRITE = "spark.sql.parquet.int96RebaseModeInWrite";
    static final String SPARK_EXTENSIONS = "spark.sql.extensions";
    static final String CODEGEN_CACHE_ENTRIES = "spark.sql.codegen.cache.maxEntries";
    static final int GENERATED_CLASSES_KEPT = 1_000;

    private JobSpark() {
    }

    /** The shared settings; the local runtime and the tests add the local ones (master, UTC, no UI). */
    public static org.apache.spark.sql.classic.SparkSession.Builder builder() {
        return org.apache.spark.sql.classic.SparkSession.builder()
                .config(PARQUET_DATETIME_REBASE_IN_WRITE, "CORRECTED")
                .config(PARQUET_INT96_REBASE_IN_WRITE, "CORRECTED")
                .config(SPARK_EXTENSIONS, TableCatalog.SPARK_EXTENSIONS)
                .config(CODEGEN_CACHE_ENTRIES, GENERATED_CLASSES_KEPT);
    }

    /** The session Glue (or the local runtime, which started it first) runs the job in. */
    public static SparkSession getOrCreate() {
        return builder().getOrCreate();
    }
}
