package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.JobArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.LineageColumn;
import com.c360.contract.TableCatalog;
import com.c360.contract.UploadOrder;
import com.c360.glue.Fixtures;
import com.c360.glue.InMemoryJobMetrics;
import com.c360.glue.SparkTestBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BronzeToSilverJobIT extends SparkTestBase {
    private static final LocalDate DAY = LocalDate.parse("2026-02-10");
    private static final String SILVER = TableCatalog.local().silverTable();

    @TempDir
    Path lake;

    private InMemoryJobMetrics metrics = InMemoryJobMetrics.recording();

    @BeforeEach
    void referenceTable() throws IOException {
        Files.createDirectories(lake.resolve("reference"));
        Files.copy(Fixtures.path("fx/fx_rates_test.csv"), lake.resolve("reference/fx.csv"));
    }

    private IngestionAudit ingest(String fixture, String key) throws IOException {
        Path target = lake.resolve("bronze").resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(Fixtures.path(fixture), target, StandardCopyOption.REPLACE_EXISTING);
        return runJob(key);
    }

    private IngestionAudit ingestText(String csv, String key) throws IOException {
        Files.createDirectories(lake.resolve("bronze"));
        Files.writeString(lake.resolve("bronze").resolve(key), csv, StandardCharsets.UTF_8);
        return runJob(key);
    }

    private IngestionAudit runJob(String key) {
        return runJob(key, UploadOrder.of(Instant.parse("2026-02-10T08:00:00Z"), "0A"));
    }

    private IngestionAudit runJob(String key, String uploadOrder) {
        return BronzeToSilverJob.run(spark, BronzeToSilverArguments.from(JobArguments.of(Map.ofEntries(
                Map.entry("source_bucket", "bronze-bucket"),
                Map.entry("source_key", key),
                Map.entry("source_version", "v1"),
                Map.entry("ingestion_date", DAY.toString()),
                Map.entry("run_id", "run-" + key.hashCode()),
                Map.entry("bronze_root", lake.resolve("bronze").toUri().toString()),
                Map.entry("silver_root", lake.resolve("silver").toUri().toString()),
                Map.entry("quarantine_root", lake.resolve("quarantine").toUri().toString()),
                Map.entry("audit_root", lake.resolve("audit").toUri().toString()),
                Map.entry("fx_path", lake.resolve("reference/fx.csv").toUri().toString()),
                Map.entry("feeds_path", Fixtures.shippedFeedsUri()),
                Map.entry("upload_order", uploadOrder),
                Map.entry("catalog", "hadoop"),
                Map.entry("catalog_database", TableCatalog.LOCAL_DATABASE)))), metrics);
    }

    private List<Row> silverOf(String key) {
        return spark.table(TableCatalog.local().silverTable())
                .filter(org.apache.spark.sql.functions.col("source_key").equalTo(key)).collectAsList();
    }

    private Map<Long, String> quarantineReasonsByLine(String key) {
        return spark.read().parquet(LakeLayout.sourceFilePartition(lake.resolve("quarantine").toUri().toString(), DAY,
                        LakeLayout.sourceFileId(key))).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<Long>getAs("source_line"), r -> r.<String>getAs("reason")));
    }

    @Test
    void everyBadRowClass_validRowsReachSilverInAud_othersQuarantinedByLine() throws IOException {
        IngestionAudit audit = ingest("bronze/every_bad_row_class.csv", "year=2026/month=02/day=10/bad rows.csv");

        // Hand-worked: lines 2, 3, 17 and 20 are valid; the 15 others each break one rule.
        assertThat(audit.accounting()).isEqualTo(new RowAccounting(19, 4, 15, 0, Map.ofEntries(
                Map.entry("non_numeric_amount", 2L), Map.entry("missing_customer_id", 1L),
                Map.entry("missing_purchase_id", 1L), Map.entry("missing_purchase_date", 1L),
                Map.entry("missing_amount", 1L), Map.entry("missing_currency", 1L),
                Map.entry("non_numeric_customer_id", 1L), Map.entry("non_numeric_purchase_id", 1L),
                Map.entry("bad_date", 1L), Map.entry("negative_amount", 1L), Map.entry("unknown_currency", 1L),
                Map.entry("no_fx_rate", 1L), Map.entry("malformed_row", 1L), Map.entry("amount_out_of_range", 1L))));
        Map<Long, BigDecimal> audByPurchase = silverOf("year=2026/month=02/day=10/bad rows.csv").stream()
                .collect(Collectors.toMap(r -> r.<Long>getAs("purchase_id"), r -> r.<BigDecimal>getAs("amount_aud")));
        assertThat(audByPurchase).containsOnlyKeys(1001L, 1002L, 1015L, 1018L);
        assertThat(audByPurchase.get(1001L)).isEqualByComparingTo("15.01");
        assertThat(audByPurchase.get(1002L)).isEqualByComparingTo("160.00");
        assertThat(audByPurchase.get(1015L)).isEqualByComparingTo("10.50");
        assertThat(audByPurchase.get(1018L)).isEqualByComparingTo("2.35");
        assertThat(quarantineReasonsByLine("year=2026/month=02/day=10/bad rows.csv"))
                .containsEntry(4L, "non_numeric_amount").containsEntry(13L, "negative_amount")
                .containsEntry(16L, "malformed_row").hasSize(15);
    }

    @Test
    void rowLevelLimits_quarantineOnlyTheirRows_andTheFileKeepsItsValidRows() throws IOException {
        Files.writeString(lake.resolve("reference/fx.csv"), "currency,rate_date,aud_per_unit\nKWD,2026-01-01,20000\n");
        String csv = String.join("\n",
                "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency",
                "1,Ann,Lee,ann@x.com,1,2026-01-10,10.00,AUD",
                "2,Nul\u0000,Byte,nul@x.com,2,2026-01-10,10.00,AUD",
                "3,Year,One,one@x.com,3,0001-01-01,10.00,AUD",
                "4,Julian,Gap,gap@x.com,4,1582-10-10,10.00,AUD",
                "5," + "N".repeat(1 << 20) + ",Long,long@x.com,5,2026-01-10,10.00,AUD",
                // 999999999999 KWD x 20000 = 19999999999980000 AUD: more than DECIMAL(18,2) holds.
                "6,Fx,Overflow,fx@x.com,6,2026-01-10,999999999999,KWD",
                // 6000000000000000 AUD each: each fits, but customer 7's total for the file does not.
                "7,Big,Spender,big@x.com,7,2026-01-10,300000000000,KWD",
                "7,Big,Spender,big@x.com,8,2026-01-11,300000000000,KWD",
                "8,Fair,Spender,fair@x.com,9,2026-01-10,300000000000,KWD");

        IngestionAudit audit = ingestText(csv, "limits.csv");

        assertThat(audit.accounting()).isEqualTo(new RowAccounting(9, 2, 7, 0, Map.of(
                "invalid_character", 1L, "date_out_of_range", 2L, "field_too_long", 1L, "amount_out_of_range", 1L,
                "customer_total_out_of_range", 2L)));
        assertThat(silverOf("limits.csv")).extracting(r -> r.<Long>getAs("purchase_id"),
                        r -> r.<BigDecimal>getAs("amount_aud").toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1L, "10.00"),
                        org.assertj.core.groups.Tuple.tuple(9L, "6000000000000000.00"));
        assertThat(quarantineReasonsByLine("limits.csv")).containsOnly(
                Map.entry(3L, "invalid_character"), Map.entry(4L, "date_out_of_range"),
                Map.entry(5L, "date_out_of_range"), Map.entry(6L, "field_too_long"),
                Map.entry(7L, "amount_out_of_range"), Map.entry(8L, "customer_total_out_of_range"),
                Map.entry(9L, "customer_total_out_of_range"));
    }

    @Test
    void duplicates_exactOnesCollapse_conflictingOnesAreAllQuarantined() throws IOException {
        IngestionAudit audit = ingest("bronze/duplicates.csv", "dups.csv");

        // 2001 appears three times with the same normalised content, 2002 twice with different amounts.
        assertThat(audit.accounting()).isEqualTo(new RowAccounting(6, 2, 2, 2,
                Map.of("conflicting_duplicate", 2L)));
        assertThat(silverOf("dups.csv")).extracting(r -> r.<Long>getAs("purchase_id"), r -> r.<Long>getAs("source_line"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2001L, 2L),
                        org.assertj.core.groups.Tuple.tuple(2003L, 6L));
        assertThat(quarantineReasonsByLine("dups.csv"))
                .containsOnly(Map.entry(3L, "conflicting_duplicate"), Map.entry(5L, "conflicting_duplicate"));
    }

    @Test
    void rerunOfSameFile_replacesOnlyItsOwnOutput() throws IOException {
        ingest("bronze/duplicates.csv", "a.csv");
        ingest("bronze/utf8_bom.csv", "b.csv");

        ingest("bronze/duplicates.csv", "a.csv");

        assertThat(silverOf("a.csv")).hasSize(2);
        assertThat(silverOf("b.csv")).hasSize(1);
        assertThat(spark.table(SILVER).count()).isEqualTo(3);
        assertThat(silverSnapshots()).as("the replay commits nothing").isEqualTo(2);
    }

    @Test
    void crashAfterTheSilverCommit_beforeTheAuditRecord_retryCommitsNothingMore_andWritesTheRecord()
            throws IOException {
        // GIVEN a run that merged into silver and then died before writing its audit record
        ingest("bronze/duplicates.csv", "crash.csv");
        Path audit = Path.of(java.net.URI.create(LakeLayout.auditRecord(lake.resolve("audit").toUri().toString(), DAY,
                LakeLayout.sourceFileId("crash.csv"))));
        Files.delete(audit);
        long snapshots = silverSnapshots();

        // WHEN the job is retried for the same upload
        IngestionAudit retried = ingest("bronze/duplicates.csv", "crash.csv");

        // THEN silver keeps its one commit for the upload, and the record is there
        assertThat(silverSnapshots()).isEqualTo(snapshots);
        assertThat(silverOf("crash.csv")).hasSize(2);
        assertThat(audit).isRegularFile();
        assertThat(retried.accounting().rowsValid()).isEqualTo(2);
    }

    @Test
    void laterUpload_correctsThePurchase_andAnOlderUploadArrivingAfterIt_changesNothing() throws IOException {
        String header = "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency\n";
        Files.createDirectories(lake.resolve("bronze"));
        Files.writeString(lake.resolve("bronze/v1.csv"), header + "1,Ann,Lee,ann@x.com,500,2026-01-05,10.00,AUD\n");
        Files.writeString(lake.resolve("bronze/v2.csv"), header + "2,Bo,Ng,bo@x.com,500,2026-01-06,20.00,AUD\n"
                + "2,Bo,Ng,bo@x.com,501,2026-01-06,1.00,AUD\n");
        Files.writeString(lake.resolve("bronze/v3.csv"), header + "1,Ann,Lee,ann@x.com,500,2026-01-05,30.00,AUD\n");

        runJob("v1.csv", order(1));
        runJob("v3.csv", order(3));
        runJob("v2.csv", order(2));

        Map<Long, Row> silver = silverByPurchase();
        assertThat(silver.get(500L).<BigDecimal>getAs("amount_aud")).isEqualByComparingTo("30.00");
        assertThat(silver.get(500L).<Long>getAs("customer_id")).isEqualTo(1L);
        assertThat(silver.get(500L).<String>getAs("source_key")).isEqualTo("v3.csv");
        assertThat(silver.get(501L).<String>getAs("source_key")).isEqualTo("v2.csv");
        assertThat(silver).hasSize(2);
    }

    /**
     * GIVEN a history of 300 purchases (ids 1000-1299) in silver, WHEN a file of purchases with later ids arrives, THEN
     * neither the look-up of what it replaces nor the MERGE reads a row of that history: Iceberg skips silver's files,
     * whose ids all lie below the file's, by their statistics.
     */
    @Test
    void uploadOfLaterIds_readsNoRowOfTheSilverHistory_andStillInsertsItsPurchases() throws Exception {
        String header = "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency\n";
        String history = IntStream.range(1000, 1300)
                .mapToObj(id -> (id % 7) + ",Ann,Lee,ann@x.com," + id + ",2026-01-05,10.00,AUD\n")
                .collect(Collectors.joining());
        Files.createDirectories(lake.resolve("bronze"));
        Files.writeString(lake.resolve("bronze/history.csv"), header + history);
        Files.writeString(lake.resolve("bronze/later.csv"), header + "1,Ann,Lee,ann@x.com,5000,2026-01-06,20.00,AUD\n"
                + "2,Bo,Ng,bo@x.com,5001,2026-01-06,1.00,AUD\n");
        runJob("history.csv", order(1));

        long rowsRead = recordsReadFromFilesDuring(() -> runJob("later.csv", order(2)));

        // The two uploaded rows are read a few times over (the look-up, the MERGE); the history's file would add 300.
        assertThat(rowsRead).isLessThan(300);
        assertThat(silverByPurchase()).hasSize(302).containsKeys(5000L, 5001L);
    }

    /** Rows Spark's tasks read from files while {@code run} ran (the bronze CSV is read by the job's own reader). */
    private static long recordsReadFromFilesDuring(Supplier<?> run) throws TimeoutException {
        LongAdder records = new LongAdder();
        SparkListener counter = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                if (taskEnd.taskMetrics() != null) {
                    records.add(taskEnd.taskMetrics().inputMetrics().recordsRead());
                }
            }
        };
        listeningDuring(counter, run);
        return records.sum();
    }

    @Test
    void eightConcurrentUploadsOfTheSamePurchases_allCommit_andTheLatestUploadWins() throws Exception {
        String header = "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency\n";
        Files.createDirectories(lake.resolve("bronze"));
        int uploads = 8;
        for (int upload = 1; upload <= uploads; upload++) {
            StringBuilder csv = new StringBuilder(header);
            for (long purchase = 1; purchase <= 20; purchase++) {
                csv.append(purchase % 3).append(",C,N,c@x.com,").append(purchase).append(",2026-01-0")
                        .append(1 + purchase % 9).append(',').append(upload).append(".00,AUD\n");
            }
            // Each upload also brings purchases of its own, which must all survive the others' commits.
            csv.append("9,Own,N,o@x.com,").append(1000 + upload).append(",2026-01-01,1.00,AUD\n");
            Files.writeString(lake.resolve("bronze/c" + upload + ".csv"), csv.toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<IngestionAudit>> runs = new java.util.ArrayList<>();
            for (int upload = 1; upload <= uploads; upload++) {
                int number = upload;
                runs.add(pool.submit(() -> runJob("c" + number + ".csv", order(number))));
            }
            for (Future<IngestionAudit> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Long, Row> silver = silverByPurchase();
        assertThat(silver).hasSize(20 + uploads);
        for (long purchase = 1; purchase <= 20; purchase++) {
            assertThat(silver.get(purchase).<BigDecimal>getAs("amount_aud")).as("purchase %d", purchase)
                    .isEqualByComparingTo(uploads + ".00");
        }
    }

    private static String order(int upload) {
        return UploadOrder.of(Instant.parse("2026-02-10T08:00:00Z").plusSeconds(upload), "0A");
    }

    private Map<Long, Row> silverByPurchase() {
        return spark.table(SILVER).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.<Long>getAs("purchase_id"), row -> row));
    }

    private long silverSnapshots() {
        return spark.table(SILVER + ".snapshots").count();
    }

    @Test
    void missingColumn_failsTyped_andLeavesNoOutputNorMetrics() {
        assertThatThrownBy(() -> ingest("bronze/missing_columns.csv", "m.csv"))
                .isInstanceOf(MissingRequiredColumnException.class);
        assertThat(lake.resolve("silver")).doesNotExist();
        assertThat(lake.resolve("audit")).doesNotExist();
        assertThat(metrics.published()).isEmpty();
    }

    @Test
    void ingestedFile_publishesItsRowAccountingOnce() throws IOException {
        ingest("bronze/metrics_mix.csv", "metrics mix.csv");

        // Hand-worked: 9 rows; 3001 valid once and collapsed twice; 3004, 3005, 3007 valid; 3002, 3003, 3006 bad.
        assertThat(metrics.published()).containsExactly(Map.of(
                "RowsRead", 9L, "RowsValid", 4L, "RowsQuarantined", 3L, "DuplicatesCollapsed", 2L));
    }

    @Test
    void unpublishableMetrics_doNotFailTheRun_whoseOutputIsComplete() throws IOException {
        metrics = InMemoryJobMetrics.failing();

        IngestionAudit audit = ingest("bronze/metrics_mix.csv", "metrics mix.csv");

        assertThat(audit.accounting().rowsRead()).isEqualTo(9);
        assertThat(lake.resolve("audit")).isNotEmptyDirectory();
        assertThat(silverOf("metrics mix.csv")).hasSize(4);
    }

    @Test
    void silverAndQuarantine_endWithTheLineageColumns_inTheirDeclaredTypes() throws IOException {
        ingest("bronze/metrics_mix.csv", "lineage.csv");
        String fileId = LakeLayout.sourceFileId("lineage.csv");

        StructType silver = spark.table(SILVER).schema();
        StructType quarantine = spark.read().parquet(LakeLayout.sourceFilePartition(
                lake.resolve("quarantine").toUri().toString(), DAY, fileId)).schema();

        List<String> lineage = Arrays.stream(LineageColumn.values())
                .map(column -> column.columnName() + " " + column.type()).toList();
        assertThat(namesAndTypes(silver)).containsExactlyElementsOf(Stream.concat(Stream.concat(
                SilverSplit.SILVER_COLUMNS.stream().map(name -> name + " "
                        + SilverSplit.SILVER_SCHEMA.apply(name).dataType().catalogString()),
                lineage.stream()), Stream.of("ingestion_date date")).toList());
        assertThat(namesAndTypes(quarantine)).endsWith(lineage.toArray(String[]::new));
    }

    private static List<String> namesAndTypes(StructType schema) {
        return Arrays.stream(schema.fields())
                .map(field -> field.name() + " " + field.dataType().catalogString()).toList();
    }

    @Test
    void undecodableBytesAfterTheHeader_failTyped_andKeepPreviousOutputOfThatKey() throws IOException {
        ingest("bronze/duplicates.csv", "same-key.csv");

        assertThatThrownBy(() -> ingest("bronze/invalid_utf8.csv", "same-key.csv"))
                .isInstanceOf(UndecodableBronzeFileException.class);
        assertThat(silverOf("same-key.csv")).hasSize(2);
    }

    @Test
    void unterminatedQuote_failsWithTheTypedErrorItself_notWithASparkJobAbort() {
        assertThatThrownBy(() -> ingest("bronze/unterminated_quote.csv", "q.csv"))
                .isExactlyInstanceOf(MalformedCsvException.class)
                .hasMessageStartingWith("Bronze file ")
                .hasMessageNotContaining("Job aborted")
                .hasMessageNotContaining("\tat ");
        assertThat(lake.resolve("silver")).doesNotExist();
    }

    @Test
    void emptyFile_failsTyped() {
        assertThatThrownBy(() -> ingest("bronze/empty.csv", "e.csv")).isInstanceOf(EmptyBronzeFileException.class);
    }

    @Test
    void headerOnlyFile_writesEmptyOutputAndBalancedAccounting() throws IOException {
        IngestionAudit audit = ingest("bronze/header_only.csv", "h.csv");

        assertThat(audit.accounting()).isEqualTo(new RowAccounting(0, 0, 0, 0, Map.of()));
        assertThat(silverOf("h.csv")).isEmpty();
    }
}
