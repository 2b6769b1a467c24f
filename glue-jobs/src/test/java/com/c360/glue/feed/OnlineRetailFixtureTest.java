package com.c360.glue.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.Fixtures;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The three-day online-retail fixture through the shipped contract, line by line, against the table in the
 * fixture's README.md. What the validator decides (missing or non-numeric customer ids, duplicates) shows here as a
 * mapped row; the end-to-end test checks the rest.
 */
class OnlineRetailFixtureTest {
    private static final FeedContract CONTRACT = TestContracts.shipped("online-retail");

    /** Per line: "customer amount date" for a mapped row, "rule" for one the feed rejects. */
    private static Map<Long, String> mapFile(String day) throws IOException {
        String name = "feeds/online-retail/online-retail-" + day + ".csv";
        try (Reader reader = new InputStreamReader(Fixtures.open(name), StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.parse(reader)) {
            List<CSVRecord> records = csv.getRecords();
            FeedMapper mapper = CONTRACT.mapper(records.get(0).toList(), name);
            List<MappedRecord> read = new ArrayList<>();
            records.subList(1, records.size()).forEach(r -> read.add(mapper.map(r.toList())));
            List<MappedRecord> mapped = UniqueRules.apply(CONTRACT, read);
            Map<Long, String> byLine = new LinkedHashMap<>();
            for (int i = 0; i < mapped.size(); i++) {
                MappedRecord m = mapped.get(i);
                byLine.put(i + 2L, m.rejected() ? m.reason().code() + " " + m.rule()
                        : m.value(CanonicalField.CUSTOMER_ID) + " " + m.value(CanonicalField.AMOUNT) + " "
                                + m.value(CanonicalField.PURCHASE_DATE));
            }
            return byLine;
        }
    }

    @Test
    void day1_invoiceLinesACancellationAMissingCustomerAndAZeroPrice() throws IOException {
        assertThat(mapFile("2026-03-28")).containsExactly(
                Map.entry(2L, "17850 15.30 2026-03-28"),
                Map.entry(3L, "17850 20.34 2026-03-28"),
                Map.entry(4L, "17850 22.00 2026-03-28"),
                Map.entry(5L, "13047 11.10 2026-03-28"),
                Map.entry(6L, "13047 12.60 2026-03-28"),
                Map.entry(7L, "null 12.60 2026-03-28"),
                Map.entry(8L, "zero_price policy.zero_price"),
                Map.entry(9L, "17850 -5.10 2026-03-28"));
    }

    @Test
    void day2_theNightTheClocksGoForward_andMappingFailures() throws IOException {
        assertThat(mapFile("2026-03-29")).containsExactly(
                Map.entry(2L, "14527 35.40 2026-03-29"),
                Map.entry(3L, "14527 35.40 2026-03-29"),
                Map.entry(4L, "12583 25.50 2026-03-29"),
                Map.entry(5L, "12583 15.30 2026-03-29"),
                Map.entry(6L, "17850.5 20.34 2026-03-29"),
                Map.entry(7L, "non_numeric_amount mapping.amount"),
                Map.entry(8L, "bad_date mapping.purchase_date"),
                Map.entry(9L, "rule_violation invoice_number_format"),
                Map.entry(10L, "14527 -35.40 2026-03-29"));
    }

    @Test
    void day3_summerTimeMovesAnEarlyPurchaseToThePreviousUtcDay_andAnExtraColumnIsAdditive() throws IOException {
        assertThat(mapFile("2026-03-30")).containsExactly(
                Map.entry(2L, "13047 42.96 2026-03-29"),
                Map.entry(3L, "13047 42.96 2026-03-29"),
                Map.entry(4L, "17850 20.80 2026-03-30"),
                Map.entry(5L, "17850 179.00 2026-03-30"),
                Map.entry(6L, "12583 25.50 2026-03-30"),
                Map.entry(7L, "rule_violation quantity_in_range"),
                Map.entry(8L, "12583 18.00 2026-03-30"),
                Map.entry(9L, "14527 -8.85 2026-03-30"),
                Map.entry(10L, "rule_violation quantity_present"));
        assertThat(CONTRACT.mapper(List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Country", "Channel"), "d3").drift().additive()).containsExactly("Channel");
    }
}
