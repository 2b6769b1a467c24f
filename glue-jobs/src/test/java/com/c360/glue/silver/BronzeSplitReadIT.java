package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.BronzeToSilverArguments;
import com.c360.contract.JobArguments;
import com.c360.contract.LakeLayout;
import com.c360.contract.LineageColumn;
import com.c360.contract.TableCatalog;
import com.c360.contract.UploadOrder;
import com.c360.contract.FeedLayout;
import com.c360.glue.Fixtures;
import com.c360.glue.InMemoryJobMetrics;
import com.c360.glue.SparkTestBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bronze→silver reads one file with many tasks exactly as with one: the same silver rows, quarantine rows and row
 * accounting whether the file is one split or at least eight.
 */
class BronzeSplitReadIT extends SparkTestBase {
    private static final LocalDate DAY = LocalDate.parse("2026-02-10");
    private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
    private static final String KEY = "year=2026/month=02/day=10/upload.csv";

    @TempDir
    Path work;

    /** What one run leaves: its accounting and its silver and quarantine rows, lineage left out, sorted. */
    private record Output(RowAccounting accounting, List<String> silver, List<String> quarantine,
            Map<Long, BigDecimal> audByPurchase, Map<Long, String> reasonByLine) {
    }

    private Output ingest(Path csv, String lakeName, long maxPartitionBytes) throws IOException {
        Path lake = work.resolve(lakeName);
        Files.createDirectories(lake.resolve("reference"));
        Files.copy(Fixtures.path("fx/fx_rates_test.csv"), lake.resolve("reference/fx.csv"));
        Path bronze = lake.resolve("bronze").resolve(KEY);
        Files.createDirectories(bronze.getParent());
        Files.copy(csv, bronze);
        String before = spark.conf().get(MAX_PARTITION_BYTES);
        spark.conf().set(MAX_PARTITION_BYTES, Long.toString(maxPartitionBytes));
        try {
            IngestionAudit audit = BronzeToSilverJob.run(spark, arguments(lake), InMemoryJobMetrics.recording());
            Dataset<Row> silver = spark.table(TableCatalog.local().silverTable());
            Dataset<Row> quarantine = spark.read().parquet(LakeLayout.sourceFilePartition(
                    lake.resolve("quarantine").toUri().toString(), DAY, LakeLayout.sourceFileId(KEY)));
            return new Output(audit.accounting(), sorted(silver), sorted(quarantine),
                    silver.collectAsList().stream().collect(Collectors.toMap(
                            r -> r.<Long>getAs("purchase_id"), r -> r.<BigDecimal>getAs("amount_aud"))),
                    quarantine.collectAsList().stream().collect(Collectors.toMap(
                            r -> r.<Long>getAs("source_line"), r -> r.<String>getAs("reason"))));
        } finally {
            spark.conf().set(MAX_PARTITION_BYTES, before);
        }
    }

    private static List<String> sorted(Dataset<Row> rows) {
        String[] lineage = Arrays.stream(LineageColumn.values()).map(LineageColumn::columnName).toArray(String[]::new);
        return rows.drop(lineage).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static BronzeToSilverArguments arguments(Path lake) {
        return BronzeToSilverArguments.from(JobArguments.of(Map.ofEntries(
                Map.entry("source_bucket", "bronze-bucket"),
                Map.entry("source_key", KEY),
                Map.entry("source_version", "v1"),
                Map.entry("ingestion_date", DAY.toString()),
                Map.entry("run_id", "run-1"),
                Map.entry("bronze_root", lake.resolve("bronze").toUri().toString()),
                Map.entry("silver_root", lake.resolve("silver").toUri().toString()),
                Map.entry("quarantine_root", lake.resolve("quarantine").toUri().toString()),
                Map.entry("audit_root", lake.resolve("audit").toUri().toString()),
                Map.entry("fx_path", lake.resolve("reference/fx.csv").toUri().toString()),
                Map.entry("feeds_path", Fixtures.shippedFeedsUri()),
                Map.entry("upload_order", UploadOrder.of(Instant.parse("2026-02-10T08:00:00Z"), "0A")),
                Map.entry("catalog", "hadoop"),
                Map.entry("catalog_database", TableCatalog.LOCAL_DATABASE))));
    }

    /** Splits small enough for at least 8 of them; the file must be at least 8 bytes. */
    private static long eightSplits(Path csv) throws IOException {
        return Files.size(csv) / 8;
    }

    private int partitionsOfTheRead(Path csv, long maxPartitionBytes) {
        String path = csv.toUri().toString();
        String before = spark.conf().get(MAX_PARTITION_BYTES);
        spark.conf().set(MAX_PARTITION_BYTES, Long.toString(maxPartitionBytes));
        try {
            BronzeCsvReader.Header header =
                    BronzeCsvReader.inspect(spark, path, Fixtures.shippedContract(FeedLayout.DEFAULT_FEED));
            return BronzeCsvReader.read(spark, path, header).rdd().getNumPartitions();
        } finally {
            spark.conf().set(MAX_PARTITION_BYTES, before);
        }
    }

    /** The most tasks one stage ran while the file was read: the scan has one task per split. */
    private int widestStageOfTheRead(Path csv, long maxPartitionBytes) throws TimeoutException {
        AtomicInteger widest = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onStageCompleted(SparkListenerStageCompleted completed) {
                widest.accumulateAndGet(completed.stageInfo().numTasks(), Math::max);
            }
        };
        listeningDuring(listener, () -> partitionsOfTheRead(csv, maxPartitionBytes));
        return widest.get();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reordered_crlf_multiline.csv", "utf8_bom.csv", "every_bad_row_class.csv",
        "duplicates.csv", "metrics_mix.csv"})
    void bronzeFixture_readInEightOrMoreSplits_givesTheOneSplitOutput(String fixture) throws Exception {
        Path csv = Fixtures.path("bronze/" + fixture);

        Output one = ingest(csv, "one", Long.MAX_VALUE);
        Output many = ingest(csv, "many", eightSplits(csv));

        assertThat(partitionsOfTheRead(csv, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(widestStageOfTheRead(csv, eightSplits(csv))).as("tasks scanning the file").isGreaterThanOrEqualTo(8);
        assertThat(many).isEqualTo(one);
        assertThat(one.silver()).isNotEmpty();
    }

    @Test
    void everyBadRowClass_inEightOrMoreSplits_keepsItsHandWorkedOutcome() throws IOException {
        Path csv = Fixtures.path("bronze/every_bad_row_class.csv");

        Output many = ingest(csv, "many", eightSplits(csv));

        // As in BronzeToSilverJobIT: lines 2, 3, 17 and 20 are valid; the 15 others each break one rule.
        assertThat(many.accounting().rowsRead()).isEqualTo(19);
        assertThat(many.audByPurchase()).containsOnlyKeys(1001L, 1002L, 1015L, 1018L);
        assertThat(many.audByPurchase().get(1002L)).isEqualByComparingTo("160.00");
        assertThat(many.reasonByLine()).containsEntry(4L, "non_numeric_amount").containsEntry(13L, "negative_amount")
                .containsEntry(16L, "malformed_row").hasSize(15);
    }

    @Test
    void generatedFile_withQuotedBreaksAndMultibyteCharactersAcrossSplits_givesTheOneSplitOutput()
            throws Exception {
        // GIVEN rows whose quoted names hold LF, CRLF and commas, with 2-, 3- and 4-byte characters, CRLF and LF
        // record ends, and every 7th amount negative
        StringBuilder text = new StringBuilder("\ufeffcustomer_id,first_name,last_name,email,purchase_id,"
                + "purchase_date,amount,currency\r\n");
        long line = 2;
        Map<Long, Long> lineOfPurchase = new java.util.HashMap<>();
        int rows = 70;
        for (int i = 1; i <= rows; i++) {
            long purchase = 10_000 + i;
            lineOfPurchase.put(purchase, line);
            String name = switch (i % 4) {
                case 0 -> "\"Ann\nMarie, é\"";
                case 1 -> "\"Bo\r\n€ \"\"B\"\"\"";
                case 2 -> "  \"😀 Cy\"  ";
                default -> "Dée";
            };
            line += i % 4 == 0 || i % 4 == 1 ? 1 : 0;
            String amount = i % 7 == 0 ? "-1.00" : i + ".25";
            text.append(i).append(',').append(name).append(",Müller€😀,c").append(i).append("@x.com,")
                    .append(purchase).append(",2026-01-10,").append(amount).append(",AUD")
                    .append(i % 3 == 0 ? "\n" : "\r\n");
            line++;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Path csv = work.resolve("generated.csv");
        Files.write(csv, bytes);
        // AND a split size whose boundaries fall inside a character and between the CR and LF of a quoted CRLF
        long splitSize = java.util.stream.LongStream.iterate(bytes.length / 8, size -> size > 3, size -> size - 1)
                .filter(size -> straddles(bytes, size)).findFirst().orElseThrow();

        Output one = ingest(csv, "one", Long.MAX_VALUE);
        Output many = ingest(csv, "many", splitSize);

        assertThat(partitionsOfTheRead(csv, splitSize)).isGreaterThanOrEqualTo(8);
        assertThat(many).isEqualTo(one);
        int negatives = rows / 7;
        assertThat(many.accounting()).isEqualTo(new RowAccounting(rows, rows - negatives, negatives, 0,
                Map.of("negative_amount", (long) negatives)));
        assertThat(many.audByPurchase().get(10_005L)).isEqualByComparingTo("5.25");
        assertThat(many.reasonByLine()).containsOnlyKeys(lineOfPurchase.entrySet().stream()
                .filter(entry -> (entry.getKey() - 10_000) % 7 == 0).map(Map.Entry::getValue).toList());
    }

    private static boolean straddles(byte[] bytes, long splitSize) {
        boolean insideCharacter = false;
        boolean insideQuotedCrlf = false;
        for (long boundary = splitSize; boundary < bytes.length; boundary += splitSize) {
            int at = (int) boundary;
            insideCharacter |= (bytes[at] & 0xC0) == 0x80;
            insideQuotedCrlf |= bytes[at - 3] == 'B' && bytes[at - 2] == 'o' && bytes[at - 1] == '\r';
        }
        return insideCharacter && insideQuotedCrlf;
    }
}
