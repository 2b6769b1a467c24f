package com.c360.local.bench;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.TableCatalog;
import com.c360.contract.UploadOrder;
import com.c360.glue.JobMetrics;
import com.c360.glue.silver.BronzeToSilverJob;
import com.c360.local.LocalLake;
import com.c360.local.LocalSpark;
import com.c360.local.RepoLayout;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Runs in a JVM of its own (a local Spark session's core count is fixed for the JVM's life): puts one CSV into the
 * bronze layer of a fresh lake, starts Spark on the given cores, and times the bronze→silver job alone, with the
 * {@link TaskConcurrency} profile of its tasks. See {@link CoreScaling}.
 */
public final class BronzeToSilverTiming {
    static final String SECONDS_PREFIX = "bronze_to_silver_seconds=";
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int SLOWEST_STAGES = 5;

    private BronzeToSilverTiming() {
    }

    /** @param args the lake's home (fresh), the CSV, the Spark cores */
    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        int cores = Integer.parseInt(args[2]);
        LocalLake lake = LocalLake.inHome(home);
        RepoLayout repo = RepoLayout.locate();
        lake.publishReference(repo.defaultFxRates(), repo.feeds());
        LocalLake.StoredObject object = lake.upload(csv, "incoming/" + csv.getFileName());
        BronzeToSilverArguments arguments = new BronzeToSilverArguments("bench-scaling-" + cores,
                LocalDate.now(ZoneOffset.UTC), object.bucket(), object.key(), object.versionId(),
                UploadOrder.of(object.eventTime(), object.sequencer()), lake.uri(LocalLake.BRONZE),
                lake.uri(LocalLake.SILVER), lake.uri(LocalLake.QUARANTINE), lake.uri(LocalLake.AUDIT),
                lake.fxRates().toUri().toString(), lake.feeds().toUri().toString(), TableCatalog.local(),
                Optional.empty());
        SparkSession spark = LocalSpark.start("c360-bench-scaling", cores);
        TaskConcurrency concurrency = new TaskConcurrency();
        spark.sparkContext().addSparkListener(concurrency);
        long startedMillis;
        long finishedMillis;
        try {
            startedMillis = System.currentTimeMillis();
            long started = System.nanoTime();
            BronzeToSilverJob.run(spark, arguments, JobMetrics.NONE);
            System.out.println(SECONDS_PREFIX + (System.nanoTime() - started) / NANOS_PER_SECOND);
            finishedMillis = System.currentTimeMillis();
        } finally {
            spark.stop();
        }
        concurrency.profile(startedMillis, finishedMillis, cores, SLOWEST_STAGES).toLines()
                .forEach(System.out::println);
        PeakRss.ofThisProcess().ifPresent(bytes -> System.out.println(PeakRss.FIELD + " " + bytes / 1024 + " kB"));
    }
}
