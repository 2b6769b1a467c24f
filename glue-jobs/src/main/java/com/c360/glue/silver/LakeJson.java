package com.c360.glue.silver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The JSON records the jobs leave in the lake (run reports, replay records), each written whole or not at all. */
final class LakeJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LakeJson() {
    }

    /** Written under a dot-name first and renamed into place, so a reader never sees half a record. */
    static void write(Object record, String path, Configuration conf) {
        Path target = new Path(path);
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try {
            FileSystem fs = target.getFileSystem(conf);
            try (OutputStream out = fs.create(temporary, true)) {
                JSON.writeValue(out, record);
            }
            fs.delete(target, false);
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename to " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write record " + path, e);
        }
    }

    static <T> T read(String path, Class<T> type, Configuration conf) {
        Path source = new Path(path);
        try (InputStream in = source.getFileSystem(conf).open(source)) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read record " + path, e);
        }
    }
}
