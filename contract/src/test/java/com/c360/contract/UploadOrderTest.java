package com.c360.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UploadOrderTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00.000Z");

    @Test
    void laterEventTime_sortsAfter_whateverTheSequencers() {
        assertThat(UploadOrder.of(NOON.plusMillis(1), "00"))
                .isGreaterThan(UploadOrder.of(NOON, "FFFFFFFFFFFFFFFF"));
    }

    @Test
    void sameEventTime_sequencersOfDifferentLength_compareAfterRightPaddingWithZeros() {
        // AWS: right-pad the shorter sequencer with zeros, then compare: "0A1" is "0A10", which is after "0A0F".
        assertThat(UploadOrder.of(NOON, "0A1")).isGreaterThan(UploadOrder.of(NOON, "0A0F"));
        assertThat(UploadOrder.of(NOON, "0A1")).isEqualTo(UploadOrder.of(NOON, "0a10"));
    }

    @Test
    void eventTimesAcrossCenturies_keepLexicographicOrder() {
        assertThat(UploadOrder.of(Instant.parse("2286-11-20T17:46:40Z"), "")).isGreaterThan(UploadOrder.of(NOON, "F"));
    }

    @Test
    void nonHexSequencer_isRejected() {
        assertThatThrownBy(() -> UploadOrder.of(NOON, "xyz")).hasMessageContaining("hexadecimal");
    }
}
