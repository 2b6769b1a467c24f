package com.c360.glue.rds;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN WITH (FORMAT binary)}): a header, per row
 * a field count and each field as its length (-1 for NULL) and the type's binary send form, then a trailer. The server
 * then parses no text: a number or date arrives as the integers it is stored as. Each value must be written with the
 * method of its column's exact type; a mismatch is not detected here but read by the server as garbage or refused.
 * Bytes collect in a buffer and go to the server a buffer at a time.
 */
final class BinaryCopyWriter {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int NULL_LENGTH = -1;
    /** Postgres' dates count days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    /** NUMERIC's digits are base 10000, four decimal digits each. */
    private static final int NBASE = 10_000;
    private static final int DEC_DIGITS = 4;
    private static final BigInteger BIG_NBASE = BigInteger.valueOf(NBASE);
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};
    /** An unscaled value this short still fits a long after scaling by up to 1000 (2^53 * 1000 < 2^63). */
    private static final int LONG_ARITHMETIC_BITS = 53;
    /** Base-10000 digits of a long, least significant first: 2^63 has 19 decimal digits. */
    private static final int LONG_NBASE_DIGITS = 5;

    private final CopyIn copyIn;
    private final byte[] buffer;
    private final short[] longDigits = new short[LONG_NBASE_DIGITS];
    private int position;

    BinaryCopyWriter(CopyIn copyIn, int bufferBytes) {
        this.copyIn = copyIn;
        this.buffer = new byte[bufferBytes];
    }

    /** The signature, no flags (so no OIDs), and an empty header extension. */
    void header() throws SQLException {
        bytes(SIGNATURE);
        int32(0);
        int32(0);
    }

    void startRow(int fields) throws SQLException {
        int16(fields);
    }

    void text(String value) throws SQLException {
        if (value == null) {
            writeNull();
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        bytes(utf8);
    }

    void int4(Long value) throws SQLException {
        if (value == null) {
            writeNull();
            return;
        }
        int32(Integer.BYTES);
        // The column is INTEGER: a value beyond it fails here, as the server would fail its text form.
        int32(Math.toIntExact(value));
    }

    void int8(Long value) throws SQLException {
        if (value == null) {
            writeNull();
            return;
        }
        int32(Long.BYTES);
        int64(value);
    }

    void date(LocalDate value) throws SQLException {
        if (value == null) {
            writeNull();
            return;
        }
        int32(Integer.BYTES);
        int32(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    /**
     * NUMERIC's send form: digit count, weight (the power of 10000 of the first digit), sign, display scale, then
     * base-10000 digits, most significant first. The fraction is padded with zeros to whole base-10000 digits, so the
     * decimal point falls between two of them. The server rounds to the column's scale and checks its precision.
     */
    void numeric(BigDecimal value) throws SQLException {
        if (value == null) {
            writeNull();
            return;
        }
        BigDecimal whole = value.scale() < 0 ? value.setScale(0) : value;
        int scale = whole.scale();
        int padding = (DEC_DIGITS - scale % DEC_DIGITS) % DEC_DIGITS;
        int fractionDigits = (scale + padding) / DEC_DIGITS;
        BigInteger unscaled = whole.unscaledValue().abs();
        short[] digits;
        int count = 0;
        if (unscaled.bitLength() <= LONG_ARITHMETIC_BITS) {
            digits = longDigits;
            for (long rest = unscaled.longValue() * POWERS_OF_TEN[padding]; rest != 0; rest /= NBASE) {
                digits[count++] = (short) (rest % NBASE);
            }
        } else {
            // 10000 > 2^13, so a digit per 13 bits is enough.
            digits = new short[unscaled.bitLength() / 13 + 2];
            for (BigInteger rest = unscaled.multiply(BigInteger.valueOf(POWERS_OF_TEN[padding]));
                    rest.signum() != 0; ) {
                BigInteger[] quotientAndRemainder = rest.divideAndRemainder(BIG_NBASE);
                digits[count++] = quotientAndRemainder[1].shortValue();
                rest = quotientAndRemainder[0];
            }
        }
        int32(Short.BYTES * (4 + count));
        int16(count);
        int16(count == 0 ? 0 : count - 1 - fractionDigits);
        int16(whole.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        int16(scale);
        for (int i = count - 1; i >= 0; i--) {
            int16(digits[i]);
        }
    }

    /** Writes the trailer and hands the rest of the buffer to the server; the caller then ends the COPY. */
    void finish() throws SQLException {
        int16(-1);
        flush();
    }

    private void writeNull() throws SQLException {
        int32(NULL_LENGTH);
    }

    private void int16(int value) throws SQLException {
        ensure(Short.BYTES);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void int32(int value) throws SQLException {
        ensure(Integer.BYTES);
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void int64(long value) throws SQLException {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void bytes(byte[] value) throws SQLException {
        int offset = 0;
        while (offset < value.length) {
            ensure(1);
            int chunk = Math.min(value.length - offset, buffer.length - position);
            System.arraycopy(value, offset, buffer, position, chunk);
            position += chunk;
            offset += chunk;
        }
    }

    private void ensure(int bytes) throws SQLException {
        if (buffer.length - position < bytes) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copyIn.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }
}
