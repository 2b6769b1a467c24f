package com.c360.local.sample;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 field quoting: only fields holding a comma, quote or line break are quoted, quotes are doubled. */
final class CsvLine {
    private CsvLine() {
    }

    static String of(List<String> fields) {
        return fields.stream().map(CsvLine::field).collect(Collectors.joining(","));
    }

    private static String field(String value) {
        boolean needsQuotes = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
