package com.c360.glue.feed;

import static com.c360.glue.feed.CanonicalField.AMOUNT;
import static com.c360.glue.feed.CanonicalField.CURRENCY;
import static com.c360.glue.feed.CanonicalField.CUSTOMER_ID;
import static com.c360.glue.feed.CanonicalField.PURCHASE_DATE;
import static com.c360.glue.feed.CanonicalField.PURCHASE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.glue.silver.BronzeCsvReader;
import com.c360.glue.silver.DuplicateColumnException;
import com.c360.glue.silver.MissingRequiredColumnException;
import com.c360.glue.silver.QuarantineReason;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedMapperTest {
    private static final List<String> ONLINE_HEADER = List.of(
            "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");
    private static final FeedContract ONLINE = TestContracts.shipped("online-retail");

    private static MappedRecord online(String line) {
        return map(ONLINE, line);
    }

    private static MappedRecord map(FeedContract contract, String line) {
        return contract.mapper(ONLINE_HEADER, "test.csv").map(fields(line));
    }

    private static List<String> fields(String line) {
        return Arrays.asList(line.split(",", -1));
    }

    @Test
    void canonicalFields_areInTheOrderOfTheRawSchema() {
        assertThat(Arrays.stream(CanonicalField.values()).map(CanonicalField::column))
                .containsExactlyElementsOf(BronzeCsvReader.CONTRACT_COLUMNS);
    }

    // --- the default feed: the seed layout, passed through as the reader gives it today

    @Test
    void defaultFeed_reorderedMixedCaseHeader_mapsEachColumnToItself_unchanged() {
        FeedContract contract = TestContracts.shipped("default");
        FeedMapper mapper = contract.mapper(List.of("Currency", "AMOUNT", "purchase_date", "purchase_id", "email",
                "last_name", "first_name", "customer_id", "note"), "seed.csv");

        MappedRecord record = mapper.map(List.of("usd", "10.50", "2026-02-03T10:00:00+05:00", "0042",
                "Ann@Example.com", " Lee ", "Ann", "007", "hello"));

        assertThat(record.rejected()).isFalse();
        assertThat(record.canonical()).containsExactly("007", "Ann", "Lee", "Ann@Example.com", "0042",
                "2026-02-03T10:00:00+05:00", "10.50", "usd");
        assertThat(mapper.drift()).isEqualTo(new SchemaDrift(List.of("note"), List.of()));
    }

    @Test
    void defaultFeed_valuesTheValidatorRejects_passThroughForIt() {
        FeedContract contract = TestContracts.shipped("default");
        FeedMapper mapper = contract.mapper(BronzeCsvReader.CONTRACT_COLUMNS, "seed.csv");

        MappedRecord record = mapper.map(List.of("17850.0", "", "  ", "x", "abc", "1/2/2026", "-1", "€"));

        assertThat(record.rejected()).isFalse();
        assertThat(record.canonical()).containsExactly("17850.0", null, null, "x", "abc", "1/2/2026", "-1", "€");
    }

    @Test
    void recordWithTooFewFields_isMalformed_keepingTheValuesItHas() {
        FeedMapper mapper = TestContracts.shipped("default").mapper(BronzeCsvReader.CONTRACT_COLUMNS, "seed.csv");

        MappedRecord record = mapper.map(List.of("1", "Ann", "Lee"));

        assertThat(record.reason()).isEqualTo(QuarantineReason.MALFORMED_ROW);
        assertThat(record.detail()).isEqualTo("expected 8 fields, found 3");
        assertThat(record.canonical()).containsExactly("1", "Ann", "Lee", null, null, null, null, null);
    }

    // --- online retail: each canonical field

    @Test
    void invoiceLine_mapsToTheCanonicalPurchase() {
        MappedRecord record = online("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,"
                + "United Kingdom");

        assertThat(record.rejected()).isFalse();
        assertThat(record.canonical()).containsExactly("17850", null, null, null,
                Long.toString(PurchaseKeys.derive("online-retail", List.of("536365", "85123A"))), "2010-12-01",
                "15.30", "GBP");
        assertThat(record.uniqueKeys()).isEmpty();
    }

    @Test
    void linesOfOneInvoice_areSeparatePurchases_withDerivedIds() {
        String first = online("536365,85123A,A,6,12/1/2010 8:26,2.55,17850.0,UK").value(PURCHASE_ID);
        String second = online("536365,71053,B,6,12/1/2010 8:26,3.39,17850.0,UK").value(PURCHASE_ID);

        assertThat(first).isNotEqualTo(second);
        assertThat(Long.parseLong(first)).isGreaterThanOrEqualTo(PurchaseKeys.DERIVED_MIN);
        assertThat(Long.parseLong(second)).isGreaterThanOrEqualTo(PurchaseKeys.DERIVED_MIN);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "17850.0|17850",
        "17850|17850",
        "  17850.0 |17850",
        "17850.|17850",
        "017850.00|017850",
        // not a whole number: passed on as written, the validator quarantines it (non_numeric_customer_id)
        "17850.5|17850.5",
        "1.785E4|1.785E4",
    })
    void floatTextCustomerId_isTheWholeNumber(String written, String canonical) {
        assertThat(online("536365,85123A,A,6,12/1/2010 8:26,2.55," + written + ",UK").value(CUSTOMER_ID))
                .isEqualTo(canonical);
    }

    @Test
    void missingCustomerId_isLeftEmpty_forTheValidatorsMissingCustomerIdReason() {
        MappedRecord record = online("536414,22139,,56,12/1/2010 11:52,2.10,,United Kingdom");

        assertThat(record.rejected()).isFalse();
        assertThat(record.value(CUSTOMER_ID)).isNull();
    }

    @Test
    void missingCustomerId_withAnAssignPolicy_countsForThatCustomer() {
        FeedContract walkIn = TestContracts.variant("online-retail", "missing_customer_id: quarantine",
                "missing_customer_id: {assign_to: 99}");

        assertThat(map(walkIn, "536414,22139,,56,12/1/2010 11:52,2.10,,UK").value(CUSTOMER_ID)).isEqualTo("99");
        assertThat(map(walkIn, "536414,22139,,56,12/1/2010 11:52,2.10,17850.0,UK").value(CUSTOMER_ID))
                .isEqualTo("17850");
    }

    /** London is UTC+0 in winter and UTC+1 from the last Sunday of March to the last Sunday of October. */
    @ParameterizedTest(name = "{0} London -> {1}")
    @CsvSource({
        "12/1/2010 0:30, 2010-12-01",
        "12/1/2010 23:59, 2010-12-01",
        "6/1/2011 0:30, 2011-05-31",
        "6/1/2011 1:00, 2011-06-01",
        "1/1/2011 0:00, 2011-01-01",
        // 01:30 on 2011-03-27 does not exist (01:00 GMT -> 02:00 BST): read as 02:30 BST = 01:30 UTC
        "3/27/2011 1:30, 2011-03-27",
        // 2011-10-30 01:30 happens twice: the earlier, BST, is 00:30 UTC
        "10/30/2011 1:30, 2011-10-30",
        "10/30/2011 0:59, 2011-10-29",
    })
    void invoiceDate_inLondon_isItsUtcDate(String written, String date) {
        assertThat(online("536365,85123A,A,6," + written + ",2.55,17850.0,UK").value(PURCHASE_DATE)).isEqualTo(date);
    }

    @Test
    void oneMapper_consecutiveRecords_eachGetTheirOwnDate() {
        FeedMapper mapper = ONLINE.mapper(ONLINE_HEADER, "d.csv");

        assertThat(List.of("6/1/2011 0:30", "6/1/2011 0:30", "2/30/2011 10:00", "6/1/2011 0:30", "6/2/2011 9:00"))
                .map(date -> mapper.map(fields("536365,85123A,A,6," + date + ",2.55,17850.0,UK")))
                .extracting(r -> r.rejected() ? r.reason().code() : r.value(PURCHASE_DATE))
                .containsExactly("2011-05-31", "2011-05-31", "bad_date", "2011-05-31", "2011-06-02");
    }

    @Test
    void formatWithItsOwnOffset_usesTheOffsetWritten() {
        FeedContract iso = TestContracts.variant("online-retail",
                "format: \"M/d/yyyy H:mm\", time_zone: Europe/London", "format: \"yyyy-MM-dd'T'HH:mm:ssXXX\"");

        assertThat(map(iso, "536365,85123A,A,6,2026-01-01T01:00:00+10:00,2.55,17850.0,UK").value(PURCHASE_DATE))
                .isEqualTo("2025-12-31");
    }

    @Test
    void dateOnlyFormat_keepsTheDateAsWritten() {
        FeedContract dates = TestContracts.variant("online-retail",
                "format: \"M/d/yyyy H:mm\", time_zone: Europe/London", "format: \"d.M.yyyy\"");

        assertThat(map(dates, "536365,85123A,A,6,31.12.2025,2.55,17850.0,UK").value(PURCHASE_DATE))
                .isEqualTo("2025-12-31");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2/30/2011 10:00",
        "13/1/2011 10:00",
        "12/1/2010 24:00",
        "2010-12-01 08:26",
        "12/1/2010",
        "12/1/10 8:26",
    })
    void dateNotInTheFeedsFormat_isQuarantinedAsBadDate(String written) {
        MappedRecord record = online("536365,85123A,A,6," + written + ",2.55,17850.0,UK");

        assertThat(record.reason()).isEqualTo(QuarantineReason.BAD_DATE);
        assertThat(record.rule()).isEqualTo("mapping.purchase_date");
        assertThat(record.detail()).isEqualTo("InvoiceDate '" + written + "' is not a date in the format M/d/yyyy H:mm");
        assertThat(record.value(PURCHASE_DATE)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({
        "6, 2.55, 15.30",
        "12, 0.85, 10.20",
        "3, 0.001, 0.003",
        "1, 11062.06, 11062.06",
        "80995, 2.08, 168469.60",
        "-6, 2.55, -15.30",
        "2.5, 4.10, 10.250",
    })
    void amount_isQuantityTimesUnitPrice_exactly(String quantity, String price, String amount) {
        assertThat(online("536365,85123A,A," + quantity + ",12/1/2010 8:26," + price + ",17850.0,UK").value(AMOUNT))
                .isEqualTo(amount);
    }

    @ParameterizedTest(name = "Quantity {0}, UnitPrice {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "six|2.55|Quantity 'six'",
        "1e3|2.55|Quantity '1e3'",
        "1,000|2.55|Quantity '1,000'",
        "6|£2.55|UnitPrice '£2.55'",
        "6|NaN|UnitPrice 'NaN'",
    })
    void quantityOrPriceNotANumber_isQuarantinedAsNonNumericAmount(String quantity, String price, String named) {
        MappedRecord record = map(ONLINE, List.of("536365", "85123A", "A", quantity, "12/1/2010 8:26", price,
                "17850.0", "UK"));

        assertThat(record.reason()).isEqualTo(QuarantineReason.NON_NUMERIC_AMOUNT);
        assertThat(record.rule()).isEqualTo("mapping.amount");
        assertThat(record.detail()).isEqualTo(named + " is not a plain decimal number");
    }

    private static MappedRecord map(FeedContract contract, List<String> values) {
        return contract.mapper(ONLINE_HEADER, "test.csv").map(values);
    }

    @Test
    void currency_isTheFeedsFixedCurrency() {
        assertThat(online("536365,85123A,A,6,12/1/2010 8:26,2.55,17850.0,UK").value(CURRENCY)).isEqualTo("GBP");
    }

    // --- policies

    @Test
    void cancellationInvoice_withNet_isAReturn_evenWithAPositiveQuantity() {
        assertThat(online("C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,UK").value(AMOUNT)).isEqualTo("-27.50");
        assertThat(online("C536379,D,Discount,1,12/1/2010 9:41,27.50,14527.0,UK").value(AMOUNT)).isEqualTo("-27.50");
        assertThat(online("C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,UK").rejected()).isFalse();
    }

    @Test
    void cancellationInvoice_withQuarantine_goesToQuarantineNamingTheInvoice() {
        FeedContract strict = TestContracts.variant("online-retail", "action: net", "action: quarantine");

        MappedRecord record = map(strict, "C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,UK");

        assertThat(record.reason()).isEqualTo(QuarantineReason.CANCELLED_INVOICE);
        assertThat(record.rule()).isEqualTo("policy.cancellation");
        assertThat(record.detail()).isEqualTo("InvoiceNo 'C536379' marks a cancellation");
    }

    @Test
    void negativeQuantity_isANegativeAmount_whichTheValidationPolicyNetsOrQuarantines() {
        FeedContract quarantining = TestContracts.variant("online-retail",
                "negative_amounts: net", "negative_amounts: quarantine", "action: net", "action: quarantine");

        assertThat(online("536380,22086,A,-3,12/1/2010 9:41,2.95,14527.0,UK").value(AMOUNT)).isEqualTo("-8.85");
        assertThat(ONLINE.validationPolicy().allowNegativeAmounts()).isTrue();
        assertThat(quarantining.validationPolicy().allowNegativeAmounts()).isFalse();
        assertThat(map(quarantining, "536380,22086,A,-3,12/1/2010 9:41,2.95,14527.0,UK").value(AMOUNT))
                .isEqualTo("-8.85");
    }

    @Test
    void zeroPrice_withQuarantine_goesToQuarantine_andWithAccept_isAFreePurchase() {
        FeedContract accepting = TestContracts.variant("online-retail", "zero_price: quarantine", "zero_price: accept");
        String line = "536414,22139,A,56,12/1/2010 11:52,0.00,17850.0,UK";

        MappedRecord quarantined = online(line);
        MappedRecord accepted = map(accepting, line);

        assertThat(quarantined.reason()).isEqualTo(QuarantineReason.ZERO_PRICE);
        assertThat(quarantined.rule()).isEqualTo("policy.zero_price");
        assertThat(quarantined.detail()).isEqualTo("UnitPrice is zero");
        assertThat(accepted.rejected()).isFalse();
        assertThat(accepted.value(AMOUNT)).isEqualTo("0.00");
    }

    @Test
    void zeroAmount_inAnAmountColumnFeed_followsTheZeroPricePolicy() {
        FeedContract seedStrict = TestContracts.variant("default", "zero_price: accept", "zero_price: quarantine");
        FeedMapper mapper = seedStrict.mapper(BronzeCsvReader.CONTRACT_COLUMNS, "seed.csv");

        assertThat(mapper.map(List.of("1", "A", "B", "a@b.c", "7", "2026-01-01", "0.00", "AUD")).rule())
                .isEqualTo("policy.zero_price");
        assertThat(mapper.map(List.of("1", "A", "B", "a@b.c", "7", "2026-01-01", "0.01", "AUD")).rejected()).isFalse();
    }

    // --- row rules of the shipped contract, after the mapping

    @Test
    void invoiceNumberNotInTheFeedsPattern_failsItsRule() {
        MappedRecord record = online("A563185,B,Adjust bad debt,1,8/12/2011 14:50,11062.06,,UK");

        assertThat(record.reason()).isEqualTo(QuarantineReason.RULE_VIOLATION);
        assertThat(record.rule()).isEqualTo("invoice_number_format");
        assertThat(record.detail()).isEqualTo("InvoiceNo 'A563185' does not match C?\\d{6}");
    }

    @Test
    void mappingFailure_comesBeforeTheRowRules() {
        MappedRecord record = online("A563185,B,X,six,8/12/2011 14:50,1.00,17850.0,UK");

        assertThat(record.rule()).isEqualTo("mapping.amount");
    }

    @Test
    void emptyQuantity_failsTheNotNullRule() {
        MappedRecord record = online("536365,85123A,A,,12/1/2010 8:26,2.55,17850.0,UK");

        assertThat(record.rule()).isEqualTo("quantity_present");
        assertThat(record.value(AMOUNT)).isNull();
    }

    // --- schema drift

    @Test
    void extraColumns_areAdditiveDrift_andMissingOptionalColumnsAreListed() {
        FeedMapper mapper = ONLINE.mapper(List.of("invoiceno", "STOCKCODE", "Quantity", "InvoiceDate", "UnitPrice",
                "CustomerID", "Channel", "Region"), "d.csv");

        assertThat(mapper.drift()).isEqualTo(new SchemaDrift(List.of("Channel", "Region"),
                List.of("Description", "Country")));
        assertThat(mapper.map(List.of("536365", "85123A", "6", "12/1/2010 8:26", "2.55", "17850.0", "web", "N"))
                .value(AMOUNT)).isEqualTo("15.30");
    }

    @Test
    void renamedRequiredColumn_isBreakingDrift_namingTheColumnAndTheHeaderFound() {
        List<String> header = List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "Price", "CustomerID");

        assertThatThrownBy(() -> ONLINE.mapper(header, "d.csv"))
                .isInstanceOf(MissingRequiredColumnException.class)
                .hasMessage("Bronze file d.csv lacks required column(s) [UnitPrice]; its header has 6 column(s) "
                        + header);
    }

    @Test
    void requiredColumnNamedTwice_failsTheFile() {
        List<String> header = List.of("InvoiceNo", "StockCode", "Quantity", "quantity", "InvoiceDate", "UnitPrice",
                "CustomerID");

        assertThatThrownBy(() -> ONLINE.mapper(header, "d.csv")).isInstanceOf(DuplicateColumnException.class)
                .hasMessageContaining("'Quantity'");
    }

    @Test
    void extraColumns_whenTheContractForbidsThem_failTheSchemaDriftRule() {
        FeedContract closed = TestContracts.variant("online-retail", "additive_columns: accept",
                "additive_columns: fail");

        assertThatThrownBy(() -> closed.mapper(List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Channel"), "d.csv"))
                .isInstanceOf(DatasetRuleFailedException.class)
                .hasMessage("Dataset rule schema_drift failed: extra columns [Channel], required no extra columns");
        assertThat(closed.mapper(ONLINE_HEADER, "d.csv").drift().isNone()).isTrue();
    }

    @Test
    void caseSensitiveHeader_doesNotMatchOtherCase() {
        FeedContract exact = TestContracts.variant("online-retail", "header:\n", "header:\n  case_sensitive: true\n");

        assertThatThrownBy(() -> exact.mapper(List.of("invoiceno", "StockCode", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID"), "d.csv")).hasMessageContaining("[InvoiceNo]");
    }

    @Test
    void mapper_survivesJavaSerialization_asSparkShipsIt() throws Exception {
        FeedMapper mapper = ONLINE.mapper(ONLINE_HEADER, "d.csv");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(mapper);
        }
        FeedMapper copy;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (FeedMapper) in.readObject();
        }

        assertThat(copy.map(fields("536365,85123A,A,6,6/1/2011 0:30,2.55,17850.0,UK")).canonical())
                .isEqualTo(mapper.map(fields("536365,85123A,A,6,6/1/2011 0:30,2.55,17850.0,UK")).canonical())
                .contains("2011-05-31");
    }
}
