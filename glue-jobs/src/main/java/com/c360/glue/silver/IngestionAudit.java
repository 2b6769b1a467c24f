package com.c360.glue.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The per-file record of one bronze→silver run, written last so its presence means silver and quarantine for the
 * file are complete.
 */
public record IngestionAudit(
        String runId,
        String sourceBucket,
        String sourceKey,
        String sourceVersion,
        String sourceFile,
        String ingestionDate,
        List<String> ignoredColumns,
        RowAccounting accounting,
        String completedAt) {

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
