package com.c360.lambda.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IngestionDatesTest {
    private static final Instant EVENT_TIME = Instant.parse("2024-06-30T22:00:00Z");

    @Test
    void allThreePartitions_giveTheDate() {
        assertThat(IngestionDates.resolve("in/year=2023/month=12/day=31/f.csv", EVENT_TIME))
                .isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void unpaddedMonthAndDay_areAccepted() {
        assertThat(IngestionDates.resolve("year=2024/month=2/day=5/f.csv", EVENT_TIME))
                .isEqualTo(LocalDate.of(2024, 2, 5));
    }

    @Test
    void noPartitions_giveTheUtcDayOfTheEvent() {
        assertThat(IngestionDates.resolve("in/f.csv", EVENT_TIME)).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void partitionLookalikeInFileName_isIgnored() {
        assertThat(IngestionDates.resolve("year=2020/month=01/day=01.csv", EVENT_TIME))
                .isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "year=2024/month=13/day=01/f.csv",
        "year=2023/month=02/day=29/f.csv",
        "year=2024/month=04/day=31/f.csv",
        "year=24/month=01/day=01/f.csv",
        "year=2024/month=ab/day=01/f.csv",
        "year=2024/month=01/day=/f.csv",
        "year=2024/month=01/day=01/year=2025/f.csv"})
    void invalidPartitions_areRejected(String key) {
        assertThatThrownBy(() -> IngestionDates.resolve(key, EVENT_TIME))
                .isInstanceOf(InvalidEventRecordException.class)
                .hasMessageContaining(key);
    }

    @Test
    void noPartitionsAndNoEventTime_isRejected() {
        assertThatThrownBy(() -> IngestionDates.resolve("f.csv", null)).isInstanceOf(InvalidEventRecordException.class);
    }
}
