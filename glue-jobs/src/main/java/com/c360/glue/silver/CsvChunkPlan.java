package com.c360.glue.silver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Cuts a CSV file into chunks that each start where a record starts, from the {@link CsvSplitScanner} summaries of
 * its byte ranges, so that {@link StrictCsvReader} reads each chunk on its own and the chunks' records, in order, are
 * exactly the whole file's.
 */
public final class CsvChunkPlan {

    /** A byte range of the file, scanned by one task. */
    public record Split(long start, long end) implements Serializable {
    }

    /** A byte range starting at a record start, after {@code linesBefore} line breaks of the file. */
    public record Chunk(long start, long end, long linesBefore) implements Serializable {
    }

    private CsvChunkPlan() {
    }

    public static List<Split> splits(long size, long splitSize) {
        List<Split> splits = new ArrayList<>();
        for (long start = 0; start < size; start += splitSize) {
            splits.add(new Split(start, Math.min(size, start + splitSize)));
        }
        return splits.isEmpty() ? List.of(new Split(0, 0)) : splits;
    }

    /**
     * The chunks, unless a range is not UTF-8 or holds a character the scanner does not model, or the composed
     * lexer breaks or ends inside quotes: then the scan cannot vouch for the file.
     */
    public static Optional<List<Chunk>> compose(List<CsvSplitScanner.Summary> summaries, long size) {
        List<Chunk> chunks = new ArrayList<>();
        long chunkStart = 0;
        long chunkLines = 0;
        long lines = 0;
        int state = CsvSplitScanner.RECORD_START;
        for (CsvSplitScanner.Summary split : summaries) {
            if (split.undecodable() || split.unsupported() || state == CsvSplitScanner.BROKEN) {
                return Optional.empty();
            }
            long recordStart = split.firstRecordStart()[state];
            long linesBefore = lines + split.linesBeforeRecordStart()[state];
            // Only the file's first record starts after no line break: a BOM or nothing at all precedes it.
            if (recordStart >= 0 && linesBefore > 0) {
                chunks.add(new Chunk(chunkStart, recordStart, chunkLines));
                chunkStart = recordStart;
                chunkLines = linesBefore;
            }
            lines += split.lines();
            state = split.endState()[state];
        }
        if (state == CsvSplitScanner.BROKEN || state == CsvSplitScanner.QUOTED) {
            return Optional.empty();
        }
        chunks.add(new Chunk(chunkStart, size, chunkLines));
        return Optional.of(chunks);
    }

    /**
     * The composed chunks; when the scan cannot vouch for the file, the whole file is read the sequential way, so it
     * fails with exactly the exception a whole-file read throws (its message holds commons-csv's own line and
     * character position, and which of two nearby breaks surfaces first depends on the decoder reading ahead from
     * the file's start), or, if it reads fine, is one chunk.
     */
    public static List<Chunk> chunks(List<CsvSplitScanner.Summary> summaries, long size,
            CsvSplitScanner.Opener file, String source) {
        return compose(summaries, size).orElseGet(() -> {
            Chunk whole = new Chunk(0, size, 0);
            try (StrictCsvReader csv = reader(file, whole, source)) {
                csv.forEachRemaining(line -> { });
            }
            return List.of(whole);
        });
    }

    public static StrictCsvReader reader(CsvSplitScanner.Opener file, Chunk chunk, String source) {
        try {
            InputStream in = BoundedInputStream.builder().setInputStream(file.open(chunk.start()))
                    .setMaxCount(chunk.end() - chunk.start()).get();
            return new StrictCsvReader(in, source, chunk.linesBefore());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }
}
