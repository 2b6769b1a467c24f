package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a file in chunks planned from its split scans, for every split size from one byte to the file's size, must
 * give what {@link StrictCsvReader} gives on the whole file: the same records on the same lines, or the same error.
 */
class CsvChunkPlanTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Records in order, or the exception a read ends with. */
    private record Outcome(List<StrictCsvReader.CsvLine> lines, Class<?> error, String message) {
    }

    private static Outcome wholeFile(byte[] csv) {
        List<StrictCsvReader.CsvLine> lines = new ArrayList<>();
        try (StrictCsvReader reader = new StrictCsvReader(new ByteArrayInputStream(csv), "f.csv")) {
            reader.forEachRemaining(lines::add);
            return new Outcome(lines, null, null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass(), e.getMessage());
        }
    }

    private static List<CsvSplitScanner.Summary> scans(byte[] csv, int splitSize) {
        return CsvChunkPlan.splits(csv.length, splitSize).stream().map(split -> {
            try {
                return CsvSplitScanner.scan(opener(csv), split.start(), split.end(), csv.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static Outcome inChunks(byte[] csv, int splitSize) {
        List<StrictCsvReader.CsvLine> lines = new ArrayList<>();
        try {
            for (CsvChunkPlan.Chunk chunk : CsvChunkPlan.chunks(scans(csv, splitSize), csv.length, opener(csv), "f.csv")) {
                try (StrictCsvReader reader = CsvChunkPlan.reader(opener(csv), chunk, "f.csv")) {
                    reader.forEachRemaining(lines::add);
                }
            }
            return new Outcome(lines, null, null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass(), e.getMessage());
        }
    }

    private static CsvSplitScanner.Opener opener(byte[] csv) {
        return offset -> new ByteArrayInputStream(csv, (int) offset, csv.length - (int) offset);
    }

    private static boolean holdsCommonsCsvMarker(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).indexOf('\ufffe') >= 0;
    }

    /** The whole check for one file: same outcome at every split size, and the scan vouches exactly for good files. */
    private static void assertEveryChunkingMatchesTheWholeFile(String name, byte[] csv) {
        Outcome expected = wholeFile(csv);
        boolean scannable = expected.error() == null && !holdsCommonsCsvMarker(csv);
        for (int splitSize = 1; splitSize <= Math.max(1, csv.length); splitSize++) {
            assertThat(inChunks(csv, splitSize)).as("%s in splits of %d bytes", name, splitSize).isEqualTo(expected);
            assertThat(CsvChunkPlan.compose(scans(csv, splitSize), csv.length))
                    .as("%s in splits of %d bytes: the scan vouches for it", name, splitSize)
                    .matches(plan -> plan.isPresent() == scannable);
        }
    }

    static Stream<Arguments> namedCases() {
        return Stream.of(
                Arguments.of("cr_only_line_breaks_inside_and_outside_quotes", text("a,b\r\"x\ry\",z\r\rc,d")),
                Arguments.of("crlf_everywhere", text("a,b\r\n\r\nc,\"d\r\ne\"\r\nf\r\n")),
                Arguments.of("lf_cr_mixed", text("a\n\rb\r\n\nc\n\"\r\"\r")),
                Arguments.of("escaped_quotes", text("\"a\"\"b\",\"\"\"\"\n\"\",x\n\"\"\"\n\"\"\"\n")),
                Arguments.of("stray_quotes_in_unquoted_fields", text("ab\"c,d\"\"e\n f\",\"g\n")),
                Arguments.of("whitespace_around_quoted_fields",
                        text("  \"a,b\"  ,\t\"c\"\t\n\u3000\"d\"\u2003,\u000b\"e\"\u001f\n")),
                Arguments.of("no_break_space_is_not_whitespace", text("\u00a0\"a\",b\n\"c\n\",d\n")),
                Arguments.of("whitespace_then_quote_spanning_lines", text(" \"x\ny\"\n \"\r\n\" \n")),
                Arguments.of("blank_and_whitespace_only_lines", text("\n \n\t\r\n,\n\"\"\n\r\r\n  ")),
                Arguments.of("bom_then_quoted_header", concat(BOM, text("\"h\",x\n1,2"))),
                Arguments.of("bom_then_feff_as_data", concat(BOM, text("\ufeffa,b\n\ufeffc\n"))),
                Arguments.of("multibyte_characters", text("é,\"€\n😀\",😀€é\n\"ü\"\"€\",x😀\n")),
                Arguments.of("last_line_without_newline", text("a,b\nc,\"d\"")),
                Arguments.of("trailing_cr", text("a\r")),
                Arguments.of("trailing_delimiters", text("a,\n,\n,")),
                Arguments.of("commons_csv_marker_ufffe", text("a,\ufffeb\n\ufffe comment\nc,\ufffe\n,d\n")),
                Arguments.of("unterminated_quote_at_eof", text("a,b\n\"c\nd")),
                Arguments.of("unterminated_quote_after_crlf", text("a,b\r\n\"c\r\n")),
                Arguments.of("char_after_closing_quote", text("a\n\"b\"x,c\n")),
                Arguments.of("quote_after_closing_quote_and_space", text("\"b\" \"c\"\n")),
                Arguments.of("no_break_space_after_closing_quote", text("x\n\"b\"\u00a0\n")),
                Arguments.of("stray_continuation_byte", concat(text("a,b\nc"), bytes(0x80), text(",d\n"))),
                Arguments.of("truncated_character_at_eof", concat(text("a,b\n"), bytes(0xE2, 0x82))),
                Arguments.of("truncated_character_before_ascii", concat(text("a,\""), bytes(0xC3), text("\"\n"))),
                Arguments.of("overlong_encoding", concat(text("a\n"), bytes(0xC0, 0xAF), text("\n"))),
                Arguments.of("encoded_surrogate", concat(text("a\n"), bytes(0xED, 0xA0, 0x80), text("\n"))),
                Arguments.of("beyond_unicode", concat(text("a\n"), bytes(0xF4, 0x90, 0x80, 0x80), text("\n"))),
                Arguments.of("invalid_lead_byte", concat(text("a\n"), bytes(0xF5, 0x80, 0x80, 0x80), text("\n"))),
                Arguments.of("four_continuation_bytes_after_a_character",
                        concat(text("a\n€"), bytes(0x80, 0x80, 0x80, 0x80), text("b\n"))),
                Arguments.of("bom_then_continuation_byte", concat(BOM, bytes(0x80), text("a\n"))),
                Arguments.of("continuation_byte_first", concat(bytes(0xBF), text("a\n"))),
                Arguments.of("structural_break_then_undecodable_bytes",
                        concat(text("h\n\"a\"x\nb\n"), bytes(0xFF), text("\n"))),
                Arguments.of("undecodable_bytes_then_structural_break",
                        concat(text("h\n"), bytes(0xFF), text("\n\"a\"x\n"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedCases")
    void namedCase_readInChunksOfEverySplitSize_isTheWholeFileRead(String name, byte[] csv) {
        assertEveryChunkingMatchesTheWholeFile(name, csv);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bronzeFixtures")
    void bronzeFixture_readInChunksOfEverySplitSize_isTheWholeFileRead(String fixture) throws IOException {
        try (InputStream in = Fixtures.open("bronze/" + fixture)) {
            assertEveryChunkingMatchesTheWholeFile(fixture, in.readAllBytes());
        }
    }

    static Stream<String> bronzeFixtures() {
        return Stream.of("reordered_crlf_multiline.csv", "utf8_bom.csv", "every_bad_row_class.csv", "duplicates.csv",
                "header_only.csv", "empty.csv", "metrics_mix.csv", "invalid_utf8.csv", "unterminated_quote.csv");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedCsv_readInChunksOfEverySplitSize_isTheWholeFileRead(long seed) {
        Random random = new Random(seed);
        byte[] csv = GeneratedCsv.of(random);
        assertEveryChunkingMatchesTheWholeFile("seed " + seed, csv);
        assertEveryChunkingMatchesTheWholeFile("seed " + seed + " broken", GeneratedCsv.broken(csv, random));
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 60).mapToObj(seed -> 1000L + seed);
    }

    @Test
    void generatedCsv_isMostlyReadableAndMostlyBrokenWhenBroken_soBothPathsAreExercised() {
        long readable = seeds().filter(seed -> wholeFile(GeneratedCsv.of(new Random(seed))).error() == null).count();
        long broken = seeds().filter(seed -> {
            Random random = new Random(seed);
            return wholeFile(GeneratedCsv.broken(GeneratedCsv.of(random), random)).error() != null;
        }).count();

        assertThat(readable).isGreaterThan(40);
        assertThat(broken).isGreaterThan(40);
    }

    @Test
    void chunkReads_startAtRecordStartsInsideTheFile_notOnlyAtItsStart() {
        byte[] csv = text("h,x\n\"a\r\nb\",1\r\nc,\"2\"\rd,3\n");

        List<CsvChunkPlan.Chunk> chunks = CsvChunkPlan.compose(scans(csv, 5), csv.length).orElseThrow();

        // Hand-worked: records start at bytes 0, 4, 14 (after 3 line breaks) and 20 (after the CR at 19, 4 breaks).
        // Ranges of 5 bytes: [5,10) is inside quotes, [10,15) holds the start at 14, [15,20) none, [20,24) the one
        // at 20, which only shows once the CR at 19 is known not to be followed by an LF.
        assertThat(chunks).containsExactly(new CsvChunkPlan.Chunk(0, 14, 0), new CsvChunkPlan.Chunk(14, 20, 3),
                new CsvChunkPlan.Chunk(20, 24, 4));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Seeded adversarial CSV: every construct that moves the lexer's state or the line count. */
    static final class GeneratedCsv {
        private static final String[] BREAKS = {"\n", "\r\n", "\r"};
        private static final String[] PLAIN = {"a", "bc", "1.50", "é", "€uro", "😀", "x y", "ab\"c", "d\"", "", "ü😀é"};
        private static final String[] QUOTED_PARTS = {"q", ",", "\"\"", "\n", "\r\n", "\r", " ", "€", "😀", "é"};
        private static final String[] PADDING = {"", "", " ", "\t", "\u2003", "\u3000", " \t"};

        static byte[] of(Random random) {
            StringBuilder csv = new StringBuilder();
            int records = 3 + random.nextInt(12);
            for (int r = 0; r < records; r++) {
                if (random.nextInt(6) == 0) {
                    csv.append(random.nextBoolean() ? "" : PADDING[random.nextInt(PADDING.length)]);
                } else {
                    int fields = 1 + random.nextInt(4);
                    for (int f = 0; f < fields; f++) {
                        if (f > 0) {
                            csv.append(',');
                        }
                        csv.append(field(random));
                    }
                }
                if (r < records - 1 || random.nextBoolean()) {
                    csv.append(BREAKS[random.nextInt(BREAKS.length)]);
                }
            }
            byte[] body = text(csv.toString());
            return random.nextInt(4) == 0 ? concat(BOM, body) : body;
        }

        private static String field(Random random) {
            if (random.nextBoolean()) {
                return PLAIN[random.nextInt(PLAIN.length)];
            }
            StringBuilder quoted = new StringBuilder(PADDING[random.nextInt(PADDING.length)]).append('"');
            int parts = random.nextInt(5);
            for (int p = 0; p < parts; p++) {
                quoted.append(QUOTED_PARTS[random.nextInt(QUOTED_PARTS.length)]);
            }
            return quoted.append('"').append(PADDING[random.nextInt(PADDING.length)]).toString();
        }

        /** The same file broken once: an unterminated quote, a character after a closing quote, or bad UTF-8. */
        static byte[] broken(byte[] csv, Random random) {
            int at = random.nextInt(csv.length + 1);
            byte[] head = java.util.Arrays.copyOfRange(csv, 0, at);
            byte[] tail = java.util.Arrays.copyOfRange(csv, at, csv.length);
            return switch (random.nextInt(4)) {
                case 0 -> concat(csv, text("\n\"never closed\n"));
                case 1 -> concat(csv, text("\n\"closed\"x\n"), tail);
                case 2 -> concat(head, bytes(0x80 + random.nextInt(0x40)), tail);
                default -> concat(head, bytes(0xE2, 0x82), tail);
            };
        }
    }
}
