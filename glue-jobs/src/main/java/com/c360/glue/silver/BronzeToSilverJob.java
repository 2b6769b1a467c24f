package com.c360.glue.silver;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.LineageColumn;
import com.c360.glue.JobMetrics;
import com.c360.glue.JobSpark;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glue job bronze→silver for one bronze object: parse, validate, convert to AUD, and replace that file's own silver
 * and quarantine output. Re-running it for the same object reproduces the same output.
 */
public final class BronzeToSilverJob {
    private static final Logger LOG = LoggerFactory.getLogger(BronzeToSilverJob.class);

    private BronzeToSilverJob() {
    }

    public static void main(String[] args) {
        BronzeToSilverArguments arguments = BronzeToSilverArguments.parse(args);
        try (JobMetrics metrics = JobMetrics.forNamespace(arguments.metricsNamespace())) {
            run(JobSpark.getOrCreate(), arguments, metrics);
        }
    }

    public static IngestionAudit run(SparkSession spark, BronzeToSilverArguments args, JobMetrics metrics) {
        String key = args.sourceKey();
        LocalDate day = args.ingestionDate();
        String runId = args.runId();
        String sourceVersion = args.sourceVersion();
        String source = LakeLayout.bronzeObject(args.bronzeRoot(), key);
        String fileId = LakeLayout.sourceFileId(key);
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();

        FxRateTable fxRates = FxRateTable.load(args.fxPath(), hadoopConf);
        BronzeCsvReader.Header header = BronzeCsvReader.inspect(spark, source);
        SilverSplit split = BronzeToSilverTransform.apply(BronzeCsvReader.read(spark, source, header),
                new PurchaseValidator(fxRates)).persist();
        try {
            RowAccounting accounting = split.accounting();
            // Quarantine before silver, the audit record last: a crash in between leaves no audit record, and the
            // execution fails, so nothing downstream reads a half-finished file.
            overwrite(withLineage(split.quarantined(), runId, key, sourceVersion),
                    LakeLayout.sourceFilePartition(args.quarantineRoot(), day, fileId));
            overwrite(withLineage(split.valid(), runId, key, sourceVersion),
                    LakeLayout.sourceFilePartition(args.silverRoot(), day, fileId));
            IngestionAudit audit = new IngestionAudit(runId, args.sourceBucket(), key,
                    sourceVersion, fileId, day.toString(), header.extraColumns(), accounting, Instant.now().toString());
            audit.write(LakeLayout.auditRecord(args.auditRoot(), day, fileId), hadoopConf);
            LOG.info("bronze->silver {} run {}: {}", key, runId, accounting);
            publish(metrics, accounting, key);
            return audit;
        } catch (RuntimeException e) {
            throw BronzeFileRejectedException.findIn(e).<RuntimeException>map(rejected -> rejected).orElse(e);
        } finally {
            split.unpersist();
        }
    }

    /** Runs after the audit record is written: the file is ingested whether or not its metrics get out. */
    static void publish(JobMetrics metrics, RowAccounting accounting, String key) {
        try {
            metrics.publishCounts(IngestionMetrics.of(accounting));
        } catch (RuntimeException e) {
            // Failing here would fail an execution whose data is committed, and a replay would only redo the same work.
            LOG.warn("bronze->silver {}: metrics not published ({})", key, accounting, e);
        }
    }

    private static Dataset<Row> withLineage(Dataset<Row> rows, String runId, String key, String sourceVersion) {
        Dataset<Row> withLineage = rows;
        for (LineageColumn column : LineageColumn.values()) {
            Column value = switch (column) {
                case SOURCE_KEY -> lit(key);
                case SOURCE_VERSION -> lit(sourceVersion);
                case RUN_ID -> lit(runId);
                case INGESTED_AT -> current_timestamp();
            };
            withLineage = withLineage.withColumn(column.columnName(), value.cast(column.type()));
        }
        return withLineage;
    }

    private static void overwrite(Dataset<Row> rows, String path) {
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }
}
