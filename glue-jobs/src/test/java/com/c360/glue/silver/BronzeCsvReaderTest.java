package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.FeedLayout;
import com.c360.glue.Fixtures;
import com.c360.glue.feed.FeedContract;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class BronzeCsvReaderTest {
    private static final FeedContract DEFAULT_FEED = Fixtures.shippedContract(FeedLayout.DEFAULT_FEED);


    private static List<Row> records(String fixture) {
        BronzeCsvReader.Header header = BronzeCsvReader.readHeader(Fixtures.open(fixture), fixture, DEFAULT_FEED);
        List<Row> rows = new ArrayList<>();
        BronzeCsvReader.records(Fixtures.open(fixture), fixture, header).forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void emptyFile_isRejectedAsEmpty() {
        assertThatThrownBy(() -> BronzeCsvReader.readHeader(Fixtures.open("bronze/empty.csv"), "empty.csv", DEFAULT_FEED))
                .isInstanceOf(EmptyBronzeFileException.class)
                .hasMessageContaining("empty.csv");
    }

    @Test
    void headerOnly_yieldsNoRecords() {
        assertThat(records("bronze/header_only.csv")).isEmpty();
    }

    @Test
    void missingColumns_areRejectedNamingEachOne() {
        assertThatThrownBy(() -> BronzeCsvReader.readHeader(Fixtures.open("bronze/missing_columns.csv"), "m.csv",
                DEFAULT_FEED))
                .isInstanceOf(MissingRequiredColumnException.class)
                .hasMessageContaining("email")
                .hasMessageContaining("currency");
    }

    @Test
    void columnNamedTwice_isRejected() {
        String csv = "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency,Amount\n";
        assertThatThrownBy(() -> BronzeCsvReader.readHeader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "dup.csv", DEFAULT_FEED))
                .isInstanceOf(DuplicateColumnException.class)
                .hasMessageContaining("amount");
    }

    @Test
    void reorderedColumnsWithCrlfAndQuotedNewlines_mapByNameAndKeepStartLines() {
        // GIVEN columns in another order, an extra column, CRLF, a quoted field spanning two lines and a blank line
        BronzeCsvReader.Header header = BronzeCsvReader.readHeader(
                Fixtures.open("bronze/reordered_crlf_multiline.csv"), "r.csv", DEFAULT_FEED);
        List<Row> rows = records("bronze/reordered_crlf_multiline.csv");

        assertThat(header.extraColumns()).containsExactly("loyalty_tier");
        assertThat(rows).hasSize(2);
        Row first = rows.get(0);
        assertThat(first.<Long>getAs("source_line")).isEqualTo(2L);
        assertThat(first.<String>getAs("customer_id")).isEqualTo("7");
        assertThat(first.<String>getAs("first_name")).isEqualTo("Ann, B");
        assertThat(first.<String>getAs("last_name")).isEqualTo("Quote \"Q\"");
        assertThat(first.<String>getAs("email")).isEqualTo("multi\r\nline@x.com");
        assertThat(first.<String>getAs(BronzeCsvReader.FEED_REASON_DETAIL)).isNull();
        Row second = rows.get(1);
        assertThat(second.<Long>getAs("source_line")).as("line 3 continues record 1, line 4 is blank").isEqualTo(5L);
        assertThat(second.<String>getAs("email")).isEqualTo("spaced@x.com");
        assertThat(second.<String>getAs("amount")).isEqualTo("1.00");
    }

    @Test
    void utf8Bom_isNotPartOfTheFirstColumnName() {
        List<Row> rows = records("bronze/utf8_bom.csv");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("customer_id")).isEqualTo("9");
            assertThat(row.<String>getAs("first_name")).isEqualTo("Émile");
        });
    }

    @Test
    void undecodableBytes_areRejectedNotReplaced() {
        assertThatThrownBy(() -> records("bronze/invalid_utf8.csv"))
                .isInstanceOf(UndecodableBronzeFileException.class)
                .hasMessageContaining("invalid_utf8.csv")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void unterminatedQuote_isRejectedAsMalformedCsv() {
        assertThatThrownBy(() -> records("bronze/unterminated_quote.csv"))
                .isInstanceOf(MalformedCsvException.class);
    }

    @Test
    void rowWithExtraField_isMarkedMalformedButKept() {
        List<Row> rows = records("bronze/every_bad_row_class.csv");

        Row line16 = rows.stream().filter(r -> r.<Long>getAs("source_line") == 16L).findFirst().orElseThrow();
        assertThat(line16.<String>getAs(BronzeCsvReader.FEED_REASON_DETAIL)).isEqualTo("expected 8 fields, found 9");
    }
}
