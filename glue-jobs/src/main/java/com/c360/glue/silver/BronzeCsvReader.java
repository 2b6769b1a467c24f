package com.c360.glue.silver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * Input contract v1: reads one bronze CSV into raw string columns named by the contract, whatever the column order,
 * with each record's source line. Row-level problems stay in the data for the validator; file-level breaks throw.
 */
public final class BronzeCsvReader {

    public static final List<String> CONTRACT_COLUMNS = List.of(
            "customer_id", "first_name", "last_name", "email", "purchase_id", "purchase_date", "amount", "currency");

    /** {@code malformed} describes a record whose field count differs from the header's. */
    public static final StructType RAW_SCHEMA = rawSchema();

    private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
    private static final long MIN_SPLIT_BYTES = 4L << 20;

    private BronzeCsvReader() {
    }

    /** The header's position of every contract column; extra columns are tolerated and ignored. */
    public record Header(int fieldCount, Map<String, Integer> contractPositions, List<String> extraColumns)
            implements java.io.Serializable {
    }

    /** Checked in the driver before any Spark work: the header, the file's first record, against the contract. */
    public static Header inspect(SparkSession spark, String path) {
        try (InputStream in = open(path, spark.sparkContext().hadoopConfiguration())) {
            return readHeader(in, path);
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

    public static Header readHeader(InputStream in, String source) {
        return readHeader(new StrictCsvReader(in, source), source);
    }

    private static Header readHeader(StrictCsvReader csv, String source) {
        if (!csv.hasNext()) {
            throw new EmptyBronzeFileException(source);
        }
        List<String> names = csv.next().values().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> positions = new HashMap<>();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (CONTRACT_COLUMNS.contains(name)) {
                if (positions.putIfAbsent(name, i) != null) {
                    throw new DuplicateColumnException(source, name);
                }
            } else {
                extra.add(name);
            }
        }
        List<String> missing = CONTRACT_COLUMNS.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MissingRequiredColumnException(source, missing, names);
        }
        return new Header(names.size(), Map.copyOf(positions), List.copyOf(extra));
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
        List<String> values = line.values();
        Object[] fields = new Object[2 + CONTRACT_COLUMNS.size()];
        fields[0] = line.lineNumber();
        fields[1] = values.size() == header.fieldCount()
                ? null
                : "expected " + header.fieldCount() + " fields, found " + values.size();
        for (int c = 0; c < CONTRACT_COLUMNS.size(); c++) {
            int position = header.contractPositions().get(CONTRACT_COLUMNS.get(c));
            String value = position < values.size() ? values.get(position) : null;
            fields[2 + c] = value == null || value.isEmpty() ? null : value;
        }
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
                .add("malformed", DataTypes.StringType, true);
        for (String column : CONTRACT_COLUMNS) {
            schema = schema.add(column, DataTypes.StringType, true);
        }
        return schema;
    }
}
