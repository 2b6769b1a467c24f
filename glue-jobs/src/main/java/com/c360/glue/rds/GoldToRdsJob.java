package com.c360.glue.rds;

import static org.apache.spark.sql.functions.col;

import com.c360.contract.GoldToRdsArguments;
import com.c360.contract.LakeLayout;
import com.c360.glue.JobSpark;
import com.c360.glue.gold.GoldAggregation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Glue job gold→RDS: stages the gold changes silver→gold wrote for {@code --run_id} into
 * {@code customer_purchase_summary_staging}, for the upsert Lambda to apply. Rows stream from the executors to the
 * driver one partition at a time and into Postgres through COPY; the dataset is never collected whole.
 */
public final class GoldToRdsJob {
    private static final Logger LOG = LoggerFactory.getLogger(GoldToRdsJob.class);

    private GoldToRdsJob() {
    }

    public static void main(String[] args) {
        GoldToRdsArguments arguments = GoldToRdsArguments.parse(args);
        DatabaseEndpoint database = DatabaseEndpoint.resolve(arguments.database(), GoldToRdsJob::secretValue);
        run(JobSpark.getOrCreate(), arguments, database);
    }

    public static long run(SparkSession spark, GoldToRdsArguments args, DatabaseEndpoint database) {
        String runId = args.runId();
        LocalDate day = args.ingestionDate();
        String changes = LakeLayout.goldChanges(args.goldRoot(), runId);
        if (!hasDataFiles(spark, changes)) {
            throw new GoldStagingException("Staging run " + runId + " failed: silver->gold wrote no changes at "
                    + changes + "; run silver->gold for this run first", null);
        }
        try (Connection connection = database.open()) {
            long staged = new StagingLoader().stage(connection, runId, day, readChanges(spark, changes));
            LOG.info("gold->RDS {} run {}: staged {} rows from {}", day, runId, staged, changes);
            return staged;
        } catch (SQLException e) {
            // The cause leads the alert: without it the message says only that staging failed.
            throw new GoldStagingException("Staging " + changes + " for run " + runId + " failed: " + e.getMessage(),
                    e);
        }
    }

    static Iterator<StagingRow> readChanges(SparkSession spark, String changes) {
        Column[] columns = new Column[StagingRow.GOLD_COLUMNS.length];
        for (int i = 0; i < columns.length; i++) {
            String column = StagingRow.GOLD_COLUMNS[i];
            columns[i] = col(column).cast(GoldAggregation.SCHEMA.apply(column).dataType());
        }
        Iterator<Row> rows = spark.read().parquet(changes).select(columns).toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public StagingRow next() {
                return StagingRow.fromGold(rows.next());
            }
        };
    }

    private static boolean hasDataFiles(SparkSession spark, String directory) {
        try {
            Path path = new Path(directory);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                return false;
            }
            // Spark's markers (_SUCCESS) and checksum files (.crc) are not data.
            return Arrays.stream(fs.listStatus(path)).map(FileStatus::getPath).map(Path::getName)
                    .anyMatch(name -> !name.startsWith("_") && !name.startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String secretValue(String secretId) {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            return secrets.getSecretValue(request -> request.secretId(secretId)).secretString();
        }
    }
}
