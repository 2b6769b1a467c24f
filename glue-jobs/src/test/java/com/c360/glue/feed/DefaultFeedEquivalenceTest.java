package com.c360.glue.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.Fixtures;
import com.c360.glue.silver.BronzeCsvReader;
import com.c360.glue.silver.StrictCsvReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code feeds/default.yaml} is the seed layout exactly: on every well-formed bronze fixture its mapper gives the raw
 * values and malformed-row details that today's reader gives, so wiring it in changes nothing for the default feed.
 */
class DefaultFeedEquivalenceTest {
    private static final FeedContract DEFAULT = TestContracts.shipped("default");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"every_bad_row_class.csv", "reordered_crlf_multiline.csv", "duplicates.csv",
        "metrics_mix.csv", "utf8_bom.csv", "header_only.csv"})
    void defaultFeed_mapsEachRecordAsTheSeedReaderDoes(String fixture) {
        String name = "bronze/" + fixture;
        BronzeCsvReader.Header header = BronzeCsvReader.readHeader(Fixtures.open(name), name);
        List<List<Object>> seed = new ArrayList<>();
        BronzeCsvReader.records(Fixtures.open(name), name, header).forEachRemaining(row -> seed.add(seedView(row)));

        List<List<Object>> mapped = new ArrayList<>();
        try (StrictCsvReader csv = new StrictCsvReader(Fixtures.open(name), name)) {
            FeedMapper mapper = DEFAULT.mapper(csv.next().values(), name);
            assertThat(mapper.drift().additive()).isEqualTo(header.extraColumns());
            csv.forEachRemaining(line -> mapped.add(view(line.lineNumber(), mapper.map(line.values()))));
        }

        assertThat(mapped).isEqualTo(seed);
    }

    private static List<Object> seedView(Row row) {
        List<Object> view = new ArrayList<>();
        view.add(row.getAs("source_line"));
        view.add(row.getAs("malformed"));
        BronzeCsvReader.CONTRACT_COLUMNS.forEach(c -> view.add(row.getAs(c)));
        return view;
    }

    private static List<Object> view(long line, MappedRecord record) {
        List<Object> view = new ArrayList<>(Arrays.asList(line, record.detail()));
        view.addAll(record.canonical());
        return view;
    }
}
