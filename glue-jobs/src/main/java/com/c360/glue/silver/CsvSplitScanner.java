package com.c360.glue.silver;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Pass 1 of a split read: scans one byte range of a CSV file without knowing what came before it, by running the
 * lexer of {@link StrictCsvReader} (commons-csv 1.11.0, RFC 4180, surrounding spaces ignored, no escape, no comments)
 * from every state it could be in at the range's start. Composing the ranges in order ({@link CsvChunkPlan}) then
 * tells each range's true state, so where records start, and whether the file breaks anywhere.
 *
 * <p>A range owns the characters whose first byte lies in it: it skips up to three UTF-8 continuation bytes at its
 * start (the previous range's last character, which that range completes by reading past its end), and a BOM at the
 * file's start. Any byte sequence that is not UTF-8 is thus decoded by exactly one range.
 */
public final class CsvSplitScanner {

    /** Lexer states between two characters. */
    static final int RECORD_START = 0;
    static final int FIELD_START = 1;
    static final int UNQUOTED = 2;
    static final int QUOTED = 3;
    /** A quote inside a quoted field: the closing one, or the first of a doubled one. */
    static final int QUOTE_IN_QUOTED = 4;
    /** After the closing quote: only whitespace may come before the delimiter or line break. */
    static final int AFTER_QUOTED = 5;
    /** After a line-breaking CR: a following LF belongs to the same line break. */
    static final int AFTER_CR = 6;
    /** A break commons-csv throws on ("invalid char between encapsulated token and delimiter"); absorbing. */
    static final int BROKEN = 7;
    static final int START_STATES = 7;

    private static final int COMMA = 0;
    private static final int QUOTE = 1;
    private static final int CR = 2;
    private static final int LF = 3;
    private static final int SPACE = 4;
    private static final int OTHER = 5;

    private static final int[][] NEXT = {
        // COMMA, QUOTE, CR, LF, SPACE, OTHER
        {FIELD_START, QUOTED, AFTER_CR, RECORD_START, FIELD_START, UNQUOTED},           // RECORD_START
        {FIELD_START, QUOTED, AFTER_CR, RECORD_START, FIELD_START, UNQUOTED},           // FIELD_START
        {FIELD_START, UNQUOTED, AFTER_CR, RECORD_START, UNQUOTED, UNQUOTED},            // UNQUOTED
        {QUOTED, QUOTE_IN_QUOTED, QUOTED, QUOTED, QUOTED, QUOTED},                      // QUOTED
        {FIELD_START, QUOTED, AFTER_CR, RECORD_START, AFTER_QUOTED, BROKEN},            // QUOTE_IN_QUOTED
        {FIELD_START, BROKEN, AFTER_CR, RECORD_START, AFTER_QUOTED, BROKEN},            // AFTER_QUOTED
        {}, // AFTER_CR: an LF ends the line break, anything else starts a record (see step)
        {BROKEN, BROKEN, BROKEN, BROKEN, BROKEN, BROKEN},                               // BROKEN
    };

    /**
     * commons-csv marks its disabled escape and comment characters with U+FFFE, so that character, valid UTF-8,
     * starts a comment or an escape sequence in its lexer. This scanner does not model either.
     */
    private static final char DISABLED_MARKER = '\ufffe';

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BUFFER = 1 << 16;

    /**
     * What one range does from each start state. {@code firstRecordStart[s]} is the byte offset of the first record
     * starting at or after the range's first character, or -1; {@code linesBeforeRecordStart[s]} counts the range's
     * line breaks before it. {@code unsupported} means the range holds U+FFFE, {@code undecodable} that it is not UTF-8.
     */
    public record Summary(int[] endState, long[] firstRecordStart, long[] linesBeforeRecordStart, long lines,
            boolean undecodable, boolean unsupported) implements Serializable {
    }

    /** Opens the file at a byte offset. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(long offset) throws IOException;
    }

    private final int[] state = new int[START_STATES];
    private final long[] firstRecordStart = new long[START_STATES];
    private final long[] linesBeforeRecordStart = new long[START_STATES];
    private boolean pendingRecordStart;
    private long offset;
    private long lines;
    private char previous;

    private CsvSplitScanner(long offset, char previous) {
        for (int s = 0; s < START_STATES; s++) {
            state[s] = s;
        }
        Arrays.fill(firstRecordStart, -1);
        this.offset = offset;
        this.previous = previous;
    }

    /** Scans the range [start, end) of a file of {@code size} bytes. */
    public static Summary scan(Opener file, long start, long end, long size) throws IOException {
        int buffer = (int) Math.min(BUFFER, end - start + 8);
        try (InputStream in = new BufferedInputStream(file.open(Math.max(0, start - 1)), buffer)) {
            long position = start;
            int previous = start > 0 ? in.read() : -1;
            if (start == 0 && startsWithBom(in)) {
                position = BOM.length;
            }
            while (start > 0 && position < Math.min(start + 3, size) && isContinuation(peek(in))) {
                previous = in.read();
                position++;
            }
            CsvSplitScanner scanner = new CsvSplitScanner(position, (char) Math.max(previous, 0));
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(buffer);
            CharBuffer chars = CharBuffer.allocate(buffer);
            boolean more = true;
            while (more) {
                // Up to the range's end, then the continuation bytes completing its last character.
                int room = bytes.remaining();
                int read;
                if (position < end) {
                    read = in.read(bytes.array(), bytes.position(), (int) Math.min(room, end - position));
                } else if (position < Math.min(end + 3, size) && isContinuation(peek(in))) {
                    read = in.read(bytes.array(), bytes.position(), 1);
                } else {
                    read = -1;
                }
                if (read < 0) {
                    more = false;
                } else {
                    bytes.position(bytes.position() + read);
                    position += read;
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, !more);
                if (!more && !result.isError()) {
                    result = decoder.flush(chars);
                }
                bytes.compact();
                chars.flip();
                if (result.isError()) {
                    return scanner.summary(true, false);
                }
                if (!scanner.accept(chars)) {
                    return scanner.summary(false, true);
                }
                chars.clear();
            }
            return scanner.summary(false, false);
        }
    }

    private static boolean startsWithBom(InputStream in) throws IOException {
        in.mark(BOM.length);
        byte[] head = in.readNBytes(BOM.length);
        if (Arrays.equals(head, BOM)) {
            return true;
        }
        in.reset();
        return false;
    }

    private static int peek(InputStream in) throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        return b;
    }

    private static boolean isContinuation(int b) {
        return b >= 0 && (b & 0xC0) == 0x80;
    }

    /** Steps every start state over the characters; false on U+FFFE. */
    private boolean accept(CharBuffer chars) {
        int shared = sharedState();
        char[] array = chars.array();
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = array[i];
            int type = typeOf(c);
            if (type < 0) {
                return false;
            }
            if (shared >= 0) {
                shared = step(shared, type);
            } else {
                for (int s = 0; s < START_STATES; s++) {
                    state[s] = step(s, state[s], type);
                }
                shared = sharedState();
            }
            if (c == '\r' || c == '\n' && previous != '\r') {
                lines++;
            }
            previous = c;
            offset += utf8Length(c);
        }
        if (shared >= 0) {
            for (int s = 0; s < START_STATES; s++) {
                state[s] = state[s] == BROKEN ? BROKEN : shared;
            }
        }
        return true;
    }

    /**
     * The state every run not broken yet is in, or -1 while they differ. Runs from different start states usually
     * meet within a record, and a broken run stays broken, so from then on one step serves all.
     */
    private int sharedState() {
        int shared = BROKEN;
        for (int s : state) {
            if (s != BROKEN) {
                if (shared != BROKEN && s != shared) {
                    return -1;
                }
                shared = s;
            }
        }
        pendingRecordStart = false;
        for (int s = 0; s < START_STATES; s++) {
            pendingRecordStart |= state[s] != BROKEN && firstRecordStart[s] < 0;
        }
        return shared;
    }

    /** One step of the run from {@code start}. */
    private int step(int start, int current, int type) {
        int from = current;
        if (from == AFTER_CR) {
            if (type == LF) {
                return RECORD_START;
            }
            from = RECORD_START;
        }
        if (from == RECORD_START && firstRecordStart[start] < 0) {
            firstRecordStart[start] = offset;
            linesBeforeRecordStart[start] = lines;
        }
        return NEXT[from][type];
    }

    /** One step of all unbroken runs, once they are in the same state. */
    private int step(int current, int type) {
        int from = current;
        if (from == AFTER_CR) {
            if (type == LF) {
                return RECORD_START;
            }
            from = RECORD_START;
        }
        if (from == RECORD_START && pendingRecordStart) {
            for (int s = 0; s < START_STATES; s++) {
                if (state[s] != BROKEN && firstRecordStart[s] < 0) {
                    firstRecordStart[s] = offset;
                    linesBeforeRecordStart[s] = lines;
                }
            }
            pendingRecordStart = false;
        }
        return NEXT[from][type];
    }

    private static int typeOf(char c) {
        return switch (c) {
            case ',' -> COMMA;
            case '"' -> QUOTE;
            case '\r' -> CR;
            case '\n' -> LF;
            case DISABLED_MARKER -> -1;
            // Commons CSV tests chars with Character.isWhitespace; a supplementary character's surrogates are not.
            default -> Character.isWhitespace(c) ? SPACE : OTHER;
        };
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    private Summary summary(boolean undecodable, boolean unsupported) {
        return new Summary(state.clone(), firstRecordStart.clone(), linesBeforeRecordStart.clone(), lines,
                undecodable, unsupported);
    }
}
