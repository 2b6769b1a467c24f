package com.c360.local.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {
    @Test
    void plainFields_areWrittenAsIs() {
        assertThat(CsvLine.of(List.of("100001", "Ann", "", "12.50"))).isEqualTo("100001,Ann,,12.50");
    }

    @Test
    void fieldsWithCommaQuoteOrLineBreak_areQuotedWithQuotesDoubled() {
        assertThat(CsvLine.of(List.of("O'Brien, Jr.", "Robert \"Bob\"", "two\nlines")))
                .isEqualTo("\"O'Brien, Jr.\",\"Robert \"\"Bob\"\"\",\"two\nlines\"");
    }
}
