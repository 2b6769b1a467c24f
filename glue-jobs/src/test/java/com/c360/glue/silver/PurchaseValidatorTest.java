package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.FeedLayout;
import com.c360.glue.Fixtures;
import com.c360.glue.feed.FeedContract;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

class PurchaseValidatorTest {
    private static final FeedContract DEFAULT_FEED = Fixtures.shippedContract(FeedLayout.DEFAULT_FEED);

    private static final String FIXTURE = "bronze/every_bad_row_class.csv";
    private final PurchaseValidator validator =
            new PurchaseValidator(FxRateTable.parse(Fixtures.open("fx/fx_rates_test.csv"), "fx"));

    private Map<Long, Row> classifiedByLine() {
        BronzeCsvReader.Header header = BronzeCsvReader.readHeader(Fixtures.open(FIXTURE), FIXTURE, DEFAULT_FEED);
        Map<Long, Row> byLine = new HashMap<>();
        BronzeCsvReader.records(Fixtures.open(FIXTURE), FIXTURE, header).forEachRemaining(raw -> {
            Row classified = validator.classify(raw);
            byLine.put(classified.getLong(0), classified);
        });
        return byLine;
    }

    @Test
    void everyBadRowClass_getsItsReasonAndLine() {
        Map<Long, String> expectedReasonByLine = Map.ofEntries(
                Map.entry(4L, "non_numeric_amount"),
                Map.entry(5L, "missing_customer_id"),
                Map.entry(6L, "missing_purchase_id"),
                Map.entry(7L, "missing_purchase_date"),
                Map.entry(8L, "missing_amount"),
                Map.entry(9L, "missing_currency"),
                Map.entry(10L, "non_numeric_customer_id"),
                Map.entry(11L, "non_numeric_purchase_id"),
                Map.entry(12L, "bad_date"),
                Map.entry(13L, "negative_amount"),
                Map.entry(14L, "unknown_currency"),
                Map.entry(15L, "no_fx_rate"),
                Map.entry(16L, "malformed_row"),
                Map.entry(18L, "non_numeric_amount"),
                Map.entry(19L, "amount_out_of_range"));

        Map<Long, Row> classified = classifiedByLine();

        assertThat(classified).hasSize(19);
        expectedReasonByLine.forEach((line, reason) -> assertThat(classified.get(line).<String>getAs("reason"))
                .as("line %d", line).isEqualTo(reason));
        assertThat(classified.values()).filteredOn(r -> r.getAs("reason") == null)
                .extracting(r -> r.getLong(0)).containsExactlyInAnyOrder(2L, 3L, 17L, 20L);
    }

    @Test
    void foreignAmount_convertsWithRateOnOrBeforeItsDate_roundedHalfUpToCents() {
        Map<Long, Row> classified = classifiedByLine();

        // 10.005 USD x 1.5 (rate of 2026-01-01) = 15.0075 -> 15.01
        assertThat(classified.get(2L).<BigDecimal>getAs("amount_aud")).isEqualByComparingTo("15.01");
        // 100 usd on 2026-02-03 (date-time with offset: its written date) x 1.6 = 160.00
        assertThat(classified.get(3L).<BigDecimal>getAs("amount_aud")).isEqualByComparingTo("160.00");
        assertThat(classified.get(3L).<Date>getAs("purchase_date")).isEqualTo(Date.valueOf("2026-02-03"));
        assertThat(classified.get(3L).<String>getAs("currency")).isEqualTo("USD");
        // 1000 JPY x 0.0105 = 10.50
        assertThat(classified.get(17L).<BigDecimal>getAs("amount_aud")).isEqualByComparingTo("10.50");
        // 2.345 AUD: HALF_UP gives 2.35 where banker's rounding would give 2.34
        assertThat(classified.get(20L).<BigDecimal>getAs("amount_aud")).isEqualByComparingTo("2.35");
    }

    @Test
    void names_joinTrimmedParts_andEmailIsLowerCased() {
        Map<Long, Row> classified = classifiedByLine();

        assertThat(classified.get(2L).<String>getAs("full_name")).isEqualTo("Ann Lee");
        assertThat(classified.get(2L).<String>getAs("email")).isEqualTo("ann@example.com");
        assertThat(classified.get(17L).<String>getAs("full_name")).as("first name missing").isEqualTo("Solo");
    }

    @Test
    void quarantinedRow_keepsItsRawValues() {
        Row negative = classifiedByLine().get(13L);

        assertThat(negative.<String>getAs("raw_amount")).isEqualTo("-5");
        assertThat(negative.<String>getAs("reason_detail")).contains("-5");
        assertThat(negative.<BigDecimal>getAs("amount_aud")).isNull();
    }

    @Test
    void sameContentSpelledDifferently_hasTheSameFingerprint() {
        Row a = classify("5", "Dup", "One", "d@x.com", "2001", "2026-01-10", "20.00", "AUD");
        Row b = classify("05", " Dup", "One ", "D@X.COM", "2001", "2026-01-10T08:00:00", "20", "aud");
        Row c = classify("5", "Dup", "One", "d@x.com", "2001", "2026-01-10", "20.01", "AUD");

        assertThat(a.<String>getAs("fingerprint")).isEqualTo(b.getAs("fingerprint")).isNotEqualTo(c.getAs("fingerprint"));
    }

    @Test
    void nameParts_bothMissing_giveNoFullName() {
        assertThat(PurchaseValidator.fullName(null, " ")).isNull();
        assertThat(PurchaseValidator.fullName(" Ann ", null)).isEqualTo("Ann");
    }

    @Test
    void textBeyondItsMaximumLength_isQuarantinedAsFieldTooLong_atTheLimitItPasses() {
        String megabyteName = "N".repeat(1 << 20);

        Row huge = classify("5", megabyteName, "One", "d@x.com", "2001", "2026-01-10", "20.00", "AUD");
        Row atLimit = classify("5", "N".repeat(100), "One", "e".repeat(244) + "@x.example", "2001", "2026-01-10",
                "20.00", "AUD");
        Row longEmail = classify("5", "Ann", "One", "e".repeat(245) + "@x.example", "2001", "2026-01-10", "20.00",
                "AUD");

        assertThat(huge.<String>getAs("reason")).isEqualTo("field_too_long");
        assertThat(huge.<String>getAs("reason_detail")).isEqualTo(
                "first_name has 1048576 characters, at most 100 are accepted");
        assertThat(atLimit.<String>getAs("reason")).isNull();
        assertThat(longEmail.<String>getAs("reason")).isEqualTo("field_too_long");
        assertThat(longEmail.<String>getAs("reason_detail")).startsWith("email has 255 characters");
    }

    @Test
    void nulByteInAField_isQuarantinedAsInvalidCharacter() {
        Row inName = classify("5", "Ann\u0000", "One", "d@x.com", "2001", "2026-01-10", "20.00", "AUD");
        Row inEmail = classify("5", "Ann", "One", "d@\u0000x.com", "2001", "2026-01-10", "20.00", "AUD");

        assertThat(inName.<String>getAs("reason")).isEqualTo("invalid_character");
        assertThat(inName.<String>getAs("reason_detail")).startsWith("first_name contains U+0000");
        assertThat(inEmail.<String>getAs("reason")).isEqualTo("invalid_character");
        assertThat(inEmail.<String>getAs("full_name")).isNull();
    }

    @Test
    void isoDatesBefore1900_areQuarantinedAsDateOutOfRange_1900OnwardsPass() {
        for (String ancient : new String[] {"0001-01-01", "1582-10-10", "1899-12-31T23:59:59"}) {
            Row row = classify("5", "Ann", "One", "d@x.com", "2001", ancient, "20.00", "AUD");
            assertThat(row.<String>getAs("reason")).as(ancient).isEqualTo("date_out_of_range");
            assertThat(row.<String>getAs("reason_detail")).as(ancient).contains("1900-01-01 .. 9999-12-31");
        }
        Row earliest = classify("5", "Ann", "One", "d@x.com", "2001", "1900-01-01", "20.00", "AUD");
        Row beyond9999 = classify("5", "Ann", "One", "d@x.com", "2001", "+10000-01-01", "20.00", "AUD");

        assertThat(earliest.<Date>getAs("purchase_date")).isEqualTo(Date.valueOf("1900-01-01"));
        assertThat(beyond9999.<String>getAs("reason")).isEqualTo("date_out_of_range");
    }

    @Test
    void audAmountBeyondDecimal18_2AfterFx_isQuarantinedAsAmountOutOfRange_theLargestFittingOnePasses() {
        PurchaseValidator withLargeRates = new PurchaseValidator(FxRateTable.parse(new ByteArrayInputStream(
                "currency,rate_date,aud_per_unit\nKWD,2026-01-01,10000\nBHD,2026-01-01,10000.0001\n"
                        .getBytes(StandardCharsets.UTF_8)), "large rates"));

        // 999999999999.999999 x 10000 = 9999999999999999.99, the largest DECIMAL(18,2); the other rate exceeds it.
        Row largest = classify(withLargeRates, "999999999999.999999", "KWD");
        Row overflowing = classify(withLargeRates, "999999999999.999999", "BHD");

        assertThat(largest.<String>getAs("reason")).isNull();
        assertThat(largest.<BigDecimal>getAs("amount_aud")).isEqualByComparingTo(PurchaseValidator.MAX_AUD);
        assertThat(overflowing.<String>getAs("reason")).isEqualTo("amount_out_of_range");
        assertThat(overflowing.<BigDecimal>getAs("amount_aud")).isNull();
    }

    private static Row classify(PurchaseValidator validator, String amount, String currency) {
        return classify(validator, new Object[] {1L, null, null, null, "5", "Ann", "One", "d@x.com", "2001",
            "2026-01-10", amount, currency, null});
    }

    private Row classify(String customerId, String first, String last, String email, String purchaseId, String date,
            String amount, String currency) {
        Object[] values = {1L, null, null, null, strip(customerId), strip(first), strip(last), strip(email),
            purchaseId, date, amount, currency, null};
        return classify(validator, values);
    }

    private static Row classify(PurchaseValidator validator, Object[] values) {
        return validator.classify(new GenericRowWithSchema(values, BronzeCsvReader.RAW_SCHEMA));
    }

    private static String strip(String value) {
        return value.strip();
    }
}
