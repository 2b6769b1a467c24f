package com.c360.glue.silver;

import com.c360.glue.feed.CanonicalField;
import com.c360.glue.feed.FeedContract;
import com.c360.glue.feed.FeedMapper;
import com.c360.glue.feed.MappedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads one bronze CSV through its feed's contract into the canonical raw string columns, with each record's source
 * line and what the contract said of it. Row-level problems stay in the data for the validator; file-level breaks
 * throw.
 */
public final class BronzeCsvReader {

    public static final List<String> CONTRACT_COLUMNS = Arrays.stream(CanonicalField.values())
            .map(CanonicalField::column).toList();

    /** Why the feed's contract rejected the record (a {@link QuarantineReason} code), in its words, and which rule. */
    public static final String FEED_REASON = "feed_reason";
    public static final String FEED_REASON_DETAIL = "feed_reason_detail";
    public static final String FEED_RULE = "feed_rule";
    /** The record's key for each of the contract's uniqueness rules, in their order; null without such rules. */
    public static final String UNIQUE_KEYS = "unique_keys";
    public static final StructType RAW_SCHEMA = rawSchema();
    private static final int FIRST_CANONICAL = 4;

    private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
    private static final long MIN_SPLIT_BYTES = 4L << 20;

    private BronzeCsvReader() {
    }

    /** The feed's mapping for this file's header, and the columns it does not use (additive drift). */
    public record Header(FeedMapper mapper, List<String> extraColumns) implements java.io.Serializable {
    }

    /** Checked in the driver before any Spark work: the header, the file's first record, against the contract. */
    public static Header inspect(SparkSession spark, String path, FeedContract contract) {
        try (InputStream in = open(path, spark.sparkContext().hadoopConfiguration())) {
            return readHeader(in, path, contract);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bronze file " + path, e);
        }
    }

    /**
     * The data records, read by many tasks: a first Spark job scans the file's byte ranges ({@link CsvSplitScanner}),
     * the driver composes them into chunks starting at record starts ({@link CsvChunkPlan}), and the returned rows
     * read one chunk per partition. A break in the CSV structure or its UTF-8 is thrown here, in the driver, as the
     * typed error a whole-file read throws: found inside a later task, it would reach the job wrapped in a
     * SparkException whose message carries the task's stack trace, and on a cluster its typed cause may not survive
     * the trip back to the driver.
     */
    public static Dataset<Row> read(SparkSession spark, String path, Header header) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        long size;
        long headerLine;
        try {
            size = new Path(path).getFileSystem(conf).getFileStatus(new Path(path)).getLen();
            try (StrictCsvReader csv = new StrictCsvReader(open(path, conf), path)) {
                headerLine = csv.next().lineNumber();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bronze file " + path, e);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConfiguration taskConf = new SerializableConfiguration(conf);
        List<CsvChunkPlan.Split> splits = CsvChunkPlan.splits(size, splitSize(spark, size));
        List<CsvSplitScanner.Summary> scans = context.parallelize(splits, splits.size())
                .map(split -> CsvSplitScanner.scan(opener(path, taskConf.value()), split.start(), split.end(), size))
                .collect();
        List<CsvChunkPlan.Chunk> chunks = CsvChunkPlan.chunks(scans, size, opener(path, conf), path);
        JavaRDD<Row> rows = context.parallelize(chunks, chunks.size())
                .flatMap(chunk -> records(CsvChunkPlan.reader(opener(path, taskConf.value()), chunk, path), header,
                        line -> line.lineNumber() != headerLine));
        return spark.createDataFrame(rows, RAW_SCHEMA);
    }

    /**
     * At least one range per core, so one big file keeps every core busy, but none under 4 MiB, where a task's
     * overhead would outweigh its work; never more than {@code spark.sql.files.maxPartitionBytes}, as for Spark's
     * own file sources.
     */
    private static long splitSize(SparkSession spark, long size) {
        long maxPartitionBytes = JavaUtils.byteStringAsBytes(spark.conf().get(MAX_PARTITION_BYTES));
        long perCore = (size + spark.sparkContext().defaultParallelism() - 1) / spark.sparkContext().defaultParallelism();
        return Math.max(1, Math.min(maxPartitionBytes, Math.max(MIN_SPLIT_BYTES, perCore)));
    }

    public static Header readHeader(InputStream in, String source, FeedContract contract) {
        return readHeader(new StrictCsvReader(in, source), source, contract);
    }

    /** The file's first record, as the feed's header: breaking drift throws, additive drift is listed. */
    private static Header readHeader(StrictCsvReader csv, String source, FeedContract contract) {
        if (!csv.hasNext()) {
            throw new EmptyBronzeFileException(source);
        }
        FeedMapper mapper = contract.mapper(csv.next().values(), source);
        return new Header(mapper, mapper.drift().additive());
    }

    /** The data records of a file (header skipped) as rows of {@link #RAW_SCHEMA}; closes the stream at the end. */
    public static Iterator<Row> records(InputStream in, String source, Header header) {
        StrictCsvReader csv = new StrictCsvReader(in, source);
        if (csv.hasNext()) {
            csv.next();
        }
        return records(csv, header, line -> true);
    }

    private static Iterator<Row> records(StrictCsvReader csv, Header header, Predicate<StrictCsvReader.CsvLine> keep) {
        return new Iterator<>() {
            private StrictCsvReader.CsvLine next;

            @Override
            public boolean hasNext() {
                while (next == null && csv.hasNext()) {
                    StrictCsvReader.CsvLine line = csv.next();
                    next = keep.test(line) ? line : null;
                }
                if (next == null) {
                    csv.close();
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = toRow(next, header);
                next = null;
                return row;
            }
        };
    }

    private static Row toRow(StrictCsvReader.CsvLine line, Header header) {
        MappedRecord mapped = header.mapper().map(line.values());
        Object[] fields = new Object[RAW_SCHEMA.size()];
        fields[0] = line.lineNumber();
        fields[1] = mapped.reason() == null ? null : mapped.reason().code();
        fields[2] = mapped.detail();
        fields[3] = mapped.rule();
        for (int c = 0; c < CONTRACT_COLUMNS.size(); c++) {
            String value = mapped.canonical().get(c);
            fields[FIRST_CANONICAL + c] = value == null || value.isEmpty() ? null : value;
        }
        fields[RAW_SCHEMA.size() - 1] = mapped.uniqueKeys().isEmpty() ? null
                : CollectionConverters.asScala(mapped.uniqueKeys());
        return new GenericRowWithSchema(fields, RAW_SCHEMA);
    }

    private static InputStream open(String path, Configuration conf) throws IOException {
        return opener(path, conf).open(0);
    }

    private static CsvSplitScanner.Opener opener(String path, Configuration conf) {
        return offset -> {
            Path file = new Path(path);
            FSDataInputStream in = file.getFileSystem(conf).open(file);
            in.seek(offset);
            return in;
        };
    }

    private static StructType rawSchema() {
        StructType schema = new StructType()
                .add("source_line", DataTypes.LongType, false)
                .add(FEED_REASON, DataTypes.StringType, true)
                .add(FEED_REASON_DETAIL, DataTypes.StringType, true)
                .add(FEED_RULE, DataTypes.StringType, true);
        for (String column : CONTRACT_COLUMNS) {
            schema = schema.add(column, DataTypes.StringType, true);
        }
        return schema.add(UNIQUE_KEYS, DataTypes.createArrayType(DataTypes.StringType, true), true);
    }
}
