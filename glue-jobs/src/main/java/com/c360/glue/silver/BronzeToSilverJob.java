package com.c360.glue.silver;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import com.c360.glue.JobArguments;
import com.c360.glue.LakeLayout;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
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
        run(SparkSession.builder().getOrCreate(), JobArguments.parse(args));
    }

    public static IngestionAudit run(SparkSession spark, JobArguments args) {
        String key = args.required("source_key");
        LocalDate day = args.requiredDate("ingestion_date");
        String runId = args.required("run_id");
        String sourceVersion = args.optional("source_version").orElse(null);
        String source = LakeLayout.bronzeObject(args.required("bronze_root"), key);
        String fileId = LakeLayout.sourceFileId(key);
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();

        FxRateTable fxRates = FxRateTable.load(args.required("fx_path"), hadoopConf);
        BronzeCsvReader.Header header = BronzeCsvReader.readHeader(spark, source);
        SilverSplit split = BronzeToSilverTransform.apply(BronzeCsvReader.read(spark, source, header),
                new PurchaseValidator(fxRates)).persist();
        try {
            RowAccounting accounting = split.accounting();
            // Quarantine before silver, the audit record last: a crash in between leaves no audit record, and the
            // execution fails, so nothing downstream reads a half-finished file.
            overwrite(withLineage(split.quarantined(), runId, key, sourceVersion),
                    LakeLayout.sourceFilePartition(args.required("quarantine_root"), day, fileId));
            overwrite(withLineage(split.valid(), runId, key, sourceVersion),
                    LakeLayout.sourceFilePartition(args.required("silver_root"), day, fileId));
            IngestionAudit audit = new IngestionAudit(runId, args.optional("source_bucket").orElse(null), key,
                    sourceVersion, fileId, day.toString(), header.extraColumns(), accounting, Instant.now().toString());
            audit.write(LakeLayout.auditRecord(args.required("audit_root"), day, fileId), hadoopConf);
            LOG.info("bronze->silver {} run {}: {}", key, runId, accounting);
            return audit;
        } catch (RuntimeException e) {
            throw BronzeFileRejectedException.findIn(e).<RuntimeException>map(rejected -> rejected).orElse(e);
        } finally {
            split.unpersist();
        }
    }

    private static Dataset<Row> withLineage(Dataset<Row> rows, String runId, String key, String sourceVersion) {
        return rows.withColumn("source_key", lit(key))
                .withColumn("source_version", lit(sourceVersion).cast("string"))
                .withColumn("run_id", lit(runId))
                .withColumn("ingested_at", current_timestamp());
    }

    private static void overwrite(Dataset<Row> rows, String path) {
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }
}
