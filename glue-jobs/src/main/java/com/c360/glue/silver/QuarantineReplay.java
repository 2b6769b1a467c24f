package com.c360.glue.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.LakeSchemas;
import com.c360.contract.LineageColumn;
import com.c360.contract.ReplayRequest;
import com.c360.glue.feed.FeedContract;
import com.c360.glue.feed.FeedContracts;
import com.c360.glue.feed.RowRule;
import com.c360.glue.table.IcebergCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bronze→silver for a replay execution ({@link ReplayRequest}): the quarantined rows the request selects are checked
 * again with the current FX table and each feed's current validation policy; those now valid are merged into silver
 * with their original lineage (bronze key, version, line, upload order, ingestion date; the run id is the replay's,
 * which is how silver→gold finds them), and leave quarantine; the others stay, with their reason as it is now.
 *
 * <p>Exactly once: a replayed row keeps its upload's order, so silver's MERGE inserts it only where silver has no
 * version of the purchase and never over a later upload's correction. The silver commit comes first and quarantine's
 * rewrite second: after a crash in between, the rows are still in quarantine, a re-run checks them again, the MERGE
 * finds silver already holding them and commits nothing, and the rewrite completes. A second replay selects nothing.
 */
public final class QuarantineReplay {
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineReplay.class);
    private static final String NEW_REASON = "replay_reason";
    private static final String NEW_DETAIL = "replay_reason_detail";
    private static final String NEW_RULE = "replay_rule";
    private static final String CHECKED = "replay_checked";
    private static final String[] PARTITION_ROW = {QuarantineRevalidation.INGESTION_DATE,
            QuarantineRevalidation.SOURCE_FILE, "source_line"};

    private QuarantineReplay() {
    }

    /**
     * @param args the execution's bronze→silver arguments: its key is the replay's, its upload order the replay's
     *     own, which only tags the silver commit
     */
    public static ReplayRecord run(SparkSession spark, BronzeToSilverArguments args, ReplayRequest request) {
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
        IcebergCatalogs.silver(spark, args.catalog(), args.silverRoot());
        // A crash during an earlier replay's rewrite can leave a row's old and new file side by side: one copy each.
        Dataset<Row> quarantine = read(spark, args.quarantineRoot(), hadoopConf).dropDuplicates(PARTITION_ROW);
        Dataset<Row> selected = quarantine.filter((FilterFunction<Row>) row -> ReplayEligibility.selects(request,
                row.getAs("reason"), row.getAs("rule"), row.getAs(LineageColumn.RUN_ID.columnName())))
                .localCheckpoint();
        List<String> sourceKeys = selected.select(LineageColumn.SOURCE_KEY.columnName()).distinct()
                .as(Encoders.STRING()).collectAsList();
        Dataset<Row> checked = selected.map(revalidation(args, sourceKeys, hadoopConf),
                        Encoders.row(QuarantineRevalidation.SCHEMA))
                .localCheckpoint();
        Dataset<Row> nowValid = checked.where(col("reason").isNull());

        Dataset<Row> replayed = silverRows(nowValid, args.runId());
        SilverMerge.Result merged = SilverMerge.apply(spark, args.catalog(), replayed,
                SilverMerge.KeyRange.of(replayed), args.uploadOrder(), args.sourceKey(), args.runId());
        rewrite(quarantine, checked, args.quarantineRoot(), hadoopConf);

        Map<String, Long> stillQuarantined = new TreeMap<>();
        for (Row group : checked.where(col("reason").isNotNull()).groupBy("reason").count().collectAsList()) {
            stillQuarantined.put(group.getString(0), group.getLong(1));
        }
        ReplayRecord record = new ReplayRecord(request.replayId(), args.runId(), request.selector().label(),
                request.value(), checked.count(), nowValid.count(), stillQuarantined, merged,
                Instant.now().toString());
        record.write(LakeLayout.replayRecord(args.quarantineRoot(), request.replayId()), hadoopConf);
        LOG.info("replay {}: {}", request.key(), record);
        return record;
    }

    private static Dataset<Row> read(SparkSession spark, String root, Configuration conf) {
        Dataset<Row> none = spark.createDataFrame(List.of(), QuarantineRevalidation.quarantineSchema());
        try {
            Path path = new Path(root);
            if (!path.getFileSystem(conf).exists(path)) {
                return none;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read quarantine at " + root, e);
        }
        return spark.read().schema(QuarantineRevalidation.quarantineSchema()).parquet(root);
    }

    /** Each selected row's feed, as its contract reads now: the validation policy and the row rules it still has. */
    private static QuarantineRevalidation revalidation(BronzeToSilverArguments args, List<String> sourceKeys,
            Configuration conf) {
        FxRateTable fxRates = FxRateTable.load(args.fxPath(), conf);
        Map<String, PurchaseValidator> validators = new HashMap<>();
        Map<String, Set<String>> rowRules = new HashMap<>();
        for (String key : sourceKeys) {
            FeedContract contract = FeedContracts.forKey(args.feedsPath(), key, conf);
            validators.put(key, new PurchaseValidator(fxRates, contract.validationPolicy()));
            rowRules.put(key, contract.rowRules().stream().map(RowRule::name).collect(Collectors.toSet()));
        }
        return new QuarantineRevalidation(validators, rowRules);
    }

    /**
     * Silver's columns in the upload's order, one row per purchase: where several uploads' versions of one purchase
     * are replayed together, the latest upload's is the one silver would keep.
     */
    private static Dataset<Row> silverRows(Dataset<Row> nowValid, String replayRunId) {
        List<Column> columns = new ArrayList<>();
        SilverSplit.SILVER_COLUMNS.forEach(name -> columns.add(col(name)));
        for (LineageColumn lineage : LineageColumn.values()) {
            Column value = switch (lineage) {
                case RUN_ID -> lit(replayRunId);
                case INGESTED_AT -> current_timestamp();
                default -> col(lineage.columnName());
            };
            columns.add(value.cast(lineage.type()).as(lineage.columnName()));
        }
        columns.add(col(QuarantineRevalidation.INGESTION_DATE).cast("date").as(QuarantineRevalidation.INGESTION_DATE));
        String rank = "c360_replay_rank";
        return nowValid
                .withColumn(rank, row_number().over(Window.partitionBy("purchase_id")
                        .orderBy(desc(LineageColumn.UPLOAD_ORDER.columnName()))))
                .where(col(rank).equalTo(1))
                .select(columns.toArray(Column[]::new));
    }

    /**
     * Replaces each quarantine partition the replay touched: without the rows now valid, and with the new reason of
     * those still invalid. The new files are written before the old ones are deleted, so a crash loses no row; a
     * re-run reads both copies as one.
     */
    private static void rewrite(Dataset<Row> quarantine, Dataset<Row> checked, String root, Configuration conf) {
        String[] partitionColumns = {QuarantineRevalidation.INGESTION_DATE, QuarantineRevalidation.SOURCE_FILE};
        Dataset<Row> partitions = checked.select(col(partitionColumns[0]), col(partitionColumns[1])).distinct();
        List<Path> oldFiles = new ArrayList<>();
        for (Row partition : partitions.collectAsList()) {
            oldFiles.addAll(dataFiles(root, partition.getString(0), partition.getString(1), conf));
        }
        if (oldFiles.isEmpty()) {
            return;
        }
        Dataset<Row> outcomes = checked.select(col(partitionColumns[0]), col(partitionColumns[1]),
                col("source_line"), col("reason").as(NEW_REASON), col("reason_detail").as(NEW_DETAIL),
                col("rule").as(NEW_RULE), lit(true).as(CHECKED));
        Column wasChecked = col(CHECKED).isNotNull();
        Dataset<Row> kept = quarantine.join(partitions, partitionColumns, "left_semi")
                .join(outcomes, PARTITION_ROW, "left")
                .where(not(wasChecked.and(col(NEW_REASON).isNull())));
        List<Column> columns = new ArrayList<>();
        for (String name : LakeSchemas.names(LakeSchemas.withLineage(LakeSchemas.QUARANTINE))) {
            Column value = switch (name) {
                case "reason" -> when(wasChecked, col(NEW_REASON)).otherwise(col(name));
                case "reason_detail" -> when(wasChecked, col(NEW_DETAIL)).otherwise(col(name));
                case "rule" -> when(wasChecked, col(NEW_RULE)).otherwise(col(name));
                default -> col(name);
            };
            columns.add(value.as(name));
        }
        columns.add(col(partitionColumns[0]));
        columns.add(col(partitionColumns[1]));
        kept.select(columns.toArray(Column[]::new)).write().mode(SaveMode.Append).partitionBy(partitionColumns)
                .parquet(root);
        delete(oldFiles, conf);
    }

    /** A partition's Parquet files; its run report copy and other underscore or dot files are not quarantine. */
    private static List<Path> dataFiles(String root, String ingestionDate, String sourceFile, Configuration conf) {
        Path partition = new Path(root, QuarantineRevalidation.INGESTION_DATE + "=" + ingestionDate + "/"
                + QuarantineRevalidation.SOURCE_FILE + "=" + sourceFile);
        try {
            FileSystem fs = partition.getFileSystem(conf);
            List<Path> files = new ArrayList<>();
            for (FileStatus status : fs.listStatus(partition)) {
                String name = status.getPath().getName();
                if (status.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                    files.add(status.getPath());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list quarantine partition " + partition, e);
        }
    }

    private static void delete(List<Path> files, Configuration conf) {
        try {
            for (Path file : files) {
                file.getFileSystem(conf).delete(file, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete replaced quarantine files", e);
        }
    }
}
