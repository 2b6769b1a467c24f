package com.c360.glue.gold;

import static org.apache.spark.sql.functions.col;

import com.c360.contract.LakeLayout;
import com.c360.contract.ReplayRequest;
import com.c360.contract.SilverToGoldArguments;
import com.c360.glue.JobSpark;
import com.c360.glue.table.IcebergCatalogs;
import com.c360.glue.table.IcebergCommits;
import com.c360.glue.table.IcebergTables;
import com.c360.glue.table.SnapshotTags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glue job silver→gold for one upload: finds the silver snapshot that upload committed, takes the customers it touched
 * (those its purchases now belong to and those they belonged to before), recomputes exactly those customers from
 * silver as of now, writes them as the run's gold changes, and merges them into the gold table.
 *
 * <p>Runs of this job are queued one at a time ({@link com.c360.contract.GlueJob#SILVER_TO_GOLD}), and each reads the
 * silver of its own start, so the last write of a customer is always computed from a silver that has every upload
 * committed before it. A replay recomputes the same customers and writes the same values.
 */
public final class SilverToGoldJob {
    private static final Logger LOG = LoggerFactory.getLogger(SilverToGoldJob.class);

    private SilverToGoldJob() {
    }

    public static void main(String[] args) {
        run(JobSpark.getOrCreate(), SilverToGoldArguments.parse(args));
    }

    /** @return how many customers the run recomputed (deleted ones included) */
    public static long run(SparkSession spark, SilverToGoldArguments args) {
        IcebergCatalogs.silver(spark, args.catalog(), args.silverRoot());
        IcebergCatalogs.gold(spark, args.catalog(), args.goldRoot());
        Table silver = IcebergTables.silver(spark, args.catalog());
        IcebergTables.gold(spark, args.catalog());
        String silverTable = args.catalog().silverTable();

        Optional<Snapshot> commit = SnapshotTags.committedBy(silver, args.uploadOrder(), args.sourceKey());
        Dataset<Row> changes = commit
                .map(snapshot -> {
                    Snapshot now = silver.currentSnapshot();
                    List<FileScanTask> live = liveFiles(silver, now);
                    return GoldAggregation.forCustomers(spark.sql("SELECT customer_id, purchase_id, purchase_date,"
                                    + " amount_aud, _file FROM " + silverTable + " VERSION AS OF " + now.snapshotId()),
                            filesDataFrame(spark, live),
                            paths -> rowsOfLiveFiles(spark, silver, silverTable, now, live, paths),
                            spark.table(args.catalog().goldTable()),
                            touchedCustomers(spark, silver, silverTable, snapshot, args), now.sequenceNumber());
                })
                // Silver already held this or a newer version of each purchase: no customer changed.
                .orElseGet(() -> spark.createDataFrame(List.of(), GoldAggregation.SCHEMA));

        String changesPath = LakeLayout.goldChanges(args.goldRoot(), args.runId());
        changes.coalesce(1).write().mode(SaveMode.Overwrite).parquet(changesPath);
        Dataset<Row> written = spark.read().schema(GoldAggregation.SCHEMA).parquet(changesPath);
        long customers = written.count();
        if (customers > 0) {
            IcebergCommits.retryingConflicts("gold MERGE of run " + args.runId(),
                    () -> merge(spark, args.catalog().goldTable(), written));
        }
        LOG.info("silver->gold {} run {}: {} customers recomputed", args.sourceKey(), args.runId(), customers);
        return customers;
    }

    /**
     * The customers of the purchases the upload (or replay) wrote, and the customers those purchases had just before.
     * Both come from the files the commit changed, which Iceberg lists in its manifests: the written rows are in the
     * files it added, and under copy-on-write the versions it replaced are in the files it removed. So the cost
     * follows the upload, not the history: a commit of new purchases only removes no file and reads no old row.
     */
    static Dataset<Row> touchedCustomers(SparkSession spark, Table silver, String silverTable, Snapshot commit,
            SilverToGoldArguments args) {
        List<DataFile> added = dataFiles(commit.addedDataFiles(silver.io()));
        List<DataFile> removed = dataFiles(commit.removedDataFiles(silver.io()));
        // Delete files would hide replaced rows inside files the commit kept: only the parent snapshot shows those.
        boolean filesTellEverything = !commit.addedDeleteFiles(silver.io()).iterator().hasNext()
                && Stream.concat(added.stream(), removed.stream())
                        .allMatch(file -> file.format() == FileFormat.PARQUET);
        // A replay's rows keep their own uploads' key and order; the replay's run id marks the ones it wrote.
        Column writtenByCommit = ReplayRequest.fromKey(args.sourceKey()).isPresent()
                ? col("run_id").equalTo(commit.summary().get(SnapshotTags.RUN_ID))
                : col("upload_order").equalTo(args.uploadOrder()).and(col("source_key").equalTo(args.sourceKey()));
        Dataset<Row> written = (filesTellEverything ? rowsOf(spark, silver, added)
                : at(spark, silverTable, commit.snapshotId()))
                .filter(writtenByCommit)
                .select("purchase_id", "customer_id");
        Dataset<Row> before = filesTellEverything || commit.parentId() == null ? rowsOf(spark, silver, removed)
                : at(spark, silverTable, commit.parentId());
        return written.select("customer_id")
                .union(before.join(written.select("purchase_id"), "purchase_id", "left_semi").select("customer_id"))
                .distinct();
    }

    private static List<DataFile> dataFiles(Iterable<DataFile> files) {
        List<DataFile> list = new ArrayList<>();
        files.forEach(list::add);
        return list;
    }

    /**
     * The rows of some of silver's data files as written, read as plain Parquet: a data file never changes once
     * committed, and these files carry no delete files.
     */
    private static Dataset<Row> rowsOf(SparkSession spark, Table silver, List<DataFile> files) {
        StructType schema = SparkSchemaUtil.convert(silver.schema());
        return files.isEmpty() ? spark.createDataFrame(List.of(), schema)
                : spark.read().schema(schema).parquet(files.stream().map(DataFile::location).toArray(String[]::new));
    }

    private static List<FileScanTask> liveFiles(Table silver, Snapshot now) {
        List<FileScanTask> tasks = new ArrayList<>();
        try (CloseableIterable<FileScanTask> planned = silver.newScan().useSnapshot(now.snapshotId()).planFiles()) {
            planned.forEach(tasks::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list silver's data files", e);
        }
        return tasks;
    }

    private static Dataset<Row> filesDataFrame(SparkSession spark, List<FileScanTask> live) {
        StructType schema = new StructType().add("file_path", DataTypes.StringType, false)
                .add("data_sequence_number", DataTypes.LongType, false);
        return spark.createDataFrame(live.stream()
                .map(task -> RowFactory.create(task.file().location(), task.file().dataSequenceNumber())).toList(),
                schema);
    }

    /**
     * Silver's rows as of {@code now} that the data files at {@code paths} hold: those files alone, unless delete files
     * apply to some live file (then only Iceberg's own read shows which of their rows are live).
     */
    private static Dataset<Row> rowsOfLiveFiles(SparkSession spark, Table silver, String silverTable, Snapshot now,
            List<FileScanTask> live, List<String> paths) {
        if (live.stream().anyMatch(task -> !task.deletes().isEmpty() || task.file().format() != FileFormat.PARQUET)) {
            return at(spark, silverTable, now.snapshotId());
        }
        Set<String> wanted = Set.copyOf(paths);
        return rowsOf(spark, silver, live.stream().map(FileScanTask::file)
                .filter(file -> wanted.contains(file.location())).toList());
    }

    private static Dataset<Row> at(SparkSession spark, String table, long snapshotId) {
        return spark.sql("SELECT * FROM " + table + " VERSION AS OF " + snapshotId);
    }

    /** A customer's row is replaced only by one computed from a later silver snapshot. */
    private static Void merge(SparkSession spark, String goldTable, Dataset<Row> changes) {
        String view = "c360_gold_changes_" + UUID.randomUUID().toString().replace("-", "");
        changes.createOrReplaceTempView(view);
        try {
            spark.sql("MERGE INTO " + goldTable + " t USING " + view + " s ON t.customer_id = s.customer_id"
                    + " WHEN MATCHED AND s.silver_version > t.silver_version AND s.purchase_count = 0 THEN DELETE"
                    + " WHEN MATCHED AND s.silver_version > t.silver_version THEN UPDATE SET *"
                    + " WHEN NOT MATCHED AND s.purchase_count > 0 THEN INSERT *").collectAsList();
            return null;
        } finally {
            spark.catalog().dropTempView(view);
        }
    }
}
