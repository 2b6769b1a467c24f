package com.c360.glue.silver;

import com.c360.glue.feed.DatasetRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The run report of one bronze→silver run for one file, written last so its presence means silver and quarantine
 * for the file are complete: what was read and where each row went (by reason and by the feed rule that rejected
 * it), what silver took (new purchases, corrections, customers touched), which FX rates converted it, and every
 * dataset rule of the feed with its figure.
 *
 * @param ignoredColumns the header's columns the feed does not use (additive schema drift)
 * @param fxRateDates per currency of the valid rows, the dates of the rates used
 */
public record IngestionAudit(
        String runId,
        String sourceBucket,
        String sourceKey,
        String sourceVersion,
        String sourceFile,
        String ingestionDate,
        String feed,
        int contractVersion,
        List<String> ignoredColumns,
        RowAccounting accounting,
        Map<String, Long> quarantinedByRule,
        SilverMerge.Result silver,
        Map<String, List<String>> fxRateDates,
        List<DatasetRules.Outcome> datasetRules,
        String completedAt) {

    /** Beside the file's quarantine output: Spark and Athena skip files whose names start with an underscore. */
    public static final String QUARANTINE_COPY = "_run_report.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(String path, Configuration conf) {
        Path target = new Path(path);
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try {
            FileSystem fs = target.getFileSystem(conf);
            try (OutputStream out = fs.create(temporary, true)) {
                JSON.writeValue(out, this);
            }
            fs.delete(target, false);
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename to " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write audit record " + path, e);
        }
    }

    public static IngestionAudit read(String path, Configuration conf) {
        Path source = new Path(path);
        try (InputStream in = source.getFileSystem(conf).open(source)) {
            return JSON.readValue(in, IngestionAudit.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read audit record " + path, e);
        }
    }
}
