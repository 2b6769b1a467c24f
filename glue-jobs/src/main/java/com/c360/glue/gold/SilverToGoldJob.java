package com.c360.glue.gold;

import com.c360.contract.LakeLayout;
import com.c360.contract.SilverToGoldArguments;
import com.c360.glue.JobSpark;
import com.c360.glue.silver.SilverSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glue job silver→gold: recomputes one ingestion day's per-customer aggregates from all of that day's silver and
 * replaces the day's gold partition, so any replay converges on the same gold.
 */
public final class SilverToGoldJob {
    private static final Logger LOG = LoggerFactory.getLogger(SilverToGoldJob.class);

    private SilverToGoldJob() {
    }

    public static void main(String[] args) {
        run(JobSpark.getOrCreate(), SilverToGoldArguments.parse(args));
    }

    public static long run(SparkSession spark, SilverToGoldArguments args) {
        LocalDate day = args.ingestionDate();
        String silverDay = LakeLayout.ingestionDay(args.silverRoot(), day);
        String goldDay = LakeLayout.goldDay(args.goldRoot(), day);

        Dataset<Row> silver = exists(spark, silverDay)
                ? spark.read().parquet(silverDay)
                : spark.createDataFrame(List.of(), SilverSplit.SILVER_SCHEMA);
        Dataset<Row> gold = GoldAggregation.perCustomer(silver, day).coalesce(1).cache();
        try {
            gold.write().mode(SaveMode.Overwrite).parquet(goldDay);
            long customers = gold.count();
            LOG.info("silver->gold {} run {}: {} customers", day, args.runId(), customers);
            return customers;
        } finally {
            gold.unpersist();
        }
    }

    private static boolean exists(SparkSession spark, String path) {
        try {
            Path dir = new Path(path);
            return dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
