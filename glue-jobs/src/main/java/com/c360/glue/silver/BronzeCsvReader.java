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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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

    private BronzeCsvReader() {
    }

    /** The header's position of every contract column; extra columns are tolerated and ignored. */
    public record Header(int fieldCount, Map<String, Integer> contractPositions, List<String> extraColumns)
            implements java.io.Serializable {
    }

    /**
     * Checked in the driver before any Spark work: the header against the contract, then the CSV structure and UTF-8
     * of the whole file. A break found later, inside the Spark task, would reach the job wrapped in a SparkException
     * whose message carries the task's stack trace, and on a cluster its typed cause may not survive the trip back to
     * the driver; found here, the typed error is what the job fails with.
     */
    public static Header inspect(SparkSession spark, String path) {
        try (InputStream in = open(path, spark.sparkContext().hadoopConfiguration())) {
            StrictCsvReader csv = new StrictCsvReader(in, path);
            Header header = readHeader(csv, path);
            while (csv.hasNext()) {
                csv.next();
            }
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bronze file " + path, e);
        }
    }

    public static Dataset<Row> read(SparkSession spark, String path, Header header) {
        // One task streams the file: a CSV with quoted newlines cannot be split safely anyway.
        SerializableConfiguration taskConf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(path), 1)
                .flatMap(file -> records(open(file, taskConf.value()), file, header));
        return spark.createDataFrame(rows, RAW_SCHEMA);
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
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = csv.hasNext();
                if (!more) {
                    csv.close();
                }
                return more;
            }

            @Override
            public Row next() {
                return toRow(csv.next(), header);
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
        Path file = new Path(path);
        FileSystem fs = file.getFileSystem(conf);
        return fs.open(file);
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
