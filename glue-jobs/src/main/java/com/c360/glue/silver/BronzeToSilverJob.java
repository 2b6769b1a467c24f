package com.c360.glue.silver;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.LineageColumn;
import com.c360.contract.ReplayRequest;
import com.c360.glue.JobMetrics;
import com.c360.glue.JobSpark;
import com.c360.glue.feed.DatasetRules;
import com.c360.glue.feed.FeedContract;
import com.c360.glue.feed.FeedContracts;
import com.c360.glue.feed.UniqueRuleCheck;
import com.c360.glue.table.IcebergCatalogs;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glue job bronze→silver for one bronze object: parse, validate, convert to AUD, replace that file's quarantine
 * output, and merge its valid purchases into the silver table of record. Re-running it for the same upload reproduces
 * the same quarantine and leaves silver as it is. An execution whose key is a {@link ReplayRequest}'s replays
 * quarantined rows instead ({@link QuarantineReplay}).
 */
public final class BronzeToSilverJob {
    private static final Logger LOG = LoggerFactory.getLogger(BronzeToSilverJob.class);
    private static final String INGESTION_DATE = "ingestion_date";
    /**
     * Quarantined rows per Parquet file: a row is at most a few hundred bytes of raw text before compression, so
     * files stay within the tens to hundreds of MB Athena reads best, and a usual file's few rows make one file.
     */
    private static final long ROWS_PER_FILE = 1_000_000;

    private BronzeToSilverJob() {
    }

    public static void main(String[] args) {
        BronzeToSilverArguments arguments = BronzeToSilverArguments.parse(args);
        Optional<ReplayRequest> replay = ReplayRequest.fromKey(arguments.sourceKey());
        if (replay.isPresent()) {
            QuarantineReplay.run(JobSpark.getOrCreate(), arguments, replay.get());
            return;
        }
        try (JobMetrics metrics = JobMetrics.forNamespace(arguments.metricsNamespace())) {
            run(JobSpark.getOrCreate(), arguments, metrics);
        }
    }

    public static IngestionAudit run(SparkSession spark, BronzeToSilverArguments args, JobMetrics metrics) {
        String key = args.sourceKey();
        LocalDate day = args.ingestionDate();
        String runId = args.runId();
        String source = LakeLayout.bronzeObject(args.bronzeRoot(), key);
        String fileId = LakeLayout.sourceFileId(key);
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
        IcebergCatalogs.silver(spark, args.catalog(), args.silverRoot());

        FxRateTable fxRates = FxRateTable.load(args.fxPath(), hadoopConf);
        FeedContract contract = FeedContracts.forKey(args.feedsPath(), key, hadoopConf);
        BronzeCsvReader.Header header = BronzeCsvReader.inspect(spark, source, contract);
        SilverSplit split = null;
        try {
            Dataset<Row> raw = UniqueRuleCheck.apply(BronzeCsvReader.read(spark, source, header),
                    contract.uniqueRules());
            split = BronzeToSilverTransform.apply(raw, new PurchaseValidator(fxRates, contract.validationPolicy()))
                    .persist();
            SilverSplit.Counts counts = split.counts(fxRates);
            RowAccounting accounting = counts.accounting();
            // Before anything is written: a file the feed's dataset rules refuse changes nothing downstream.
            List<DatasetRules.Outcome> datasetRules = contract.datasetRules().enforce(
                    new DatasetRules.Counts(accounting.rowsRead(), accounting.rowsQuarantined()),
                    header.mapper().drift());
            // Quarantine before silver, the audit record last: a crash in between leaves no audit record, and the
            // execution fails; its retry rewrites the quarantine and finds silver's commit already made.
            String quarantine = LakeLayout.sourceFilePartition(args.quarantineRoot(), day, fileId);
            overwrite(withLineage(split.quarantined(), args), accounting.rowsQuarantined(), quarantine);
            SilverMerge.Result merged = SilverMerge.apply(spark, args.catalog(),
                    withLineage(split.valid(), args).withColumn(INGESTION_DATE, lit(Date.valueOf(day))),
                    counts.validKeys(), args.uploadOrder(), key, runId);
            IngestionAudit audit = new IngestionAudit(runId, args.sourceBucket(), key, args.sourceVersion(), fileId,
                    day.toString(), contract.feed(), contract.version(), header.extraColumns(), accounting,
                    counts.quarantinedByRule(), merged, counts.fxRateDates(), datasetRules, Instant.now().toString());
            audit.write(quarantine + "/" + IngestionAudit.QUARANTINE_COPY, hadoopConf);
            audit.write(LakeLayout.auditRecord(args.auditRoot(), day, fileId), hadoopConf);
            LOG.info("bronze->silver {} run {}: {}, silver {}", key, runId, accounting, merged);
            publish(metrics, accounting, key);
            return audit;
        } catch (RuntimeException e) {
            throw BronzeFileRejectedException.findIn(e).<RuntimeException>map(rejected -> rejected).orElse(e);
        } finally {
            if (split != null) {
                split.unpersist();
            }
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

    private static Dataset<Row> withLineage(Dataset<Row> rows, BronzeToSilverArguments args) {
        Dataset<Row> withLineage = rows;
        for (LineageColumn column : LineageColumn.values()) {
            Column value = switch (column) {
                case SOURCE_KEY -> lit(args.sourceKey());
                case SOURCE_VERSION -> lit(args.sourceVersion());
                case RUN_ID -> lit(args.runId());
                case UPLOAD_ORDER -> lit(args.uploadOrder());
                case INGESTED_AT -> current_timestamp();
            };
            withLineage = withLineage.withColumn(column.columnName(), value.cast(column.type()));
        }
        return withLineage;
    }

    /** Files of up to about {@value #ROWS_PER_FILE} rows: one for a usual file's few, tens of MB each for many. */
    private static void overwrite(Dataset<Row> rows, long rowCount, String path) {
        int files = (int) Math.max(1, (rowCount + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        rows.coalesce(files).write().mode(SaveMode.Overwrite).parquet(path);
    }
}
