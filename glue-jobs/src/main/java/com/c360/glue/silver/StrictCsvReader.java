package com.c360.glue.silver;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads RFC 4180 CSV as UTF-8 (BOM optional, LF or CRLF), refusing undecodable bytes instead of replacing them, and
 * tells the physical line each record starts on. Values are stripped of surrounding whitespace; blank lines are
 * skipped.
 */
public final class StrictCsvReader implements Iterator<StrictCsvReader.CsvLine>, Closeable {

    /** One record: the 1-based physical line it starts on and its stripped values. */
    public record CsvLine(long lineNumber, List<String> values) {
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .build();

    private final String source;
    private final long linesBefore;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesConsumed;
    private CsvLine next;

    /** Reads a whole file. */
    public StrictCsvReader(InputStream in, String source) {
        this(in, source, 0);
    }

    /**
     * Reads from a record start {@code linesBefore} line breaks into a file, so line numbers stay the file's. Only the
     * file's first record starts after no line break, and a BOM is only a BOM there: further in, U+FEFF is data.
     */
    public StrictCsvReader(InputStream in, String source, long linesBefore) {
        this.source = source;
        this.linesBefore = linesBefore;
        this.linesConsumed = linesBefore;
        try {
            InputStream withoutBom = linesBefore == 0 ? BOMInputStream.builder().setInputStream(in).get() : in;
            InputStreamReader reader = new InputStreamReader(withoutBom, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            this.parser = CSVParser.parse(reader, FORMAT);
        } catch (IOException e) {
            throw translate(e);
        }
        this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return false;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw translate(e.getCause());
            } catch (IllegalStateException e) {
                // Commons CSV reports structural errors (e.g. an unterminated quote) as IllegalStateException.
                throw translate(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e));
            }
            long startLine = linesConsumed + 1;
            linesConsumed = linesBefore + parser.getCurrentLineNumber();
            if (!isBlank(record)) {
                List<String> values = new ArrayList<>(record.size());
                record.forEach(value -> values.add(value.strip()));
                next = new CsvLine(startLine, values);
            }
        }
        return true;
    }

    @Override
    public CsvLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvLine line = next;
        next = null;
        return line;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private BronzeFileRejectedException translate(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new UndecodableBronzeFileException(source, e);
        }
        return new MalformedCsvException(source, linesConsumed + 1, e);
    }
}
