package com.c360.glue.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.glue.Fixtures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FeedContractLoaderTest {
    @Test
    void everyShippedContract_loads_underItsFileName() throws java.io.IOException {
        List<String> feeds;
        try (var files = java.nio.file.Files.list(TestContracts.FEEDS)) {
            feeds = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }

        assertThat(feeds).containsExactly("default", "online-retail");
        assertThat(feeds).allSatisfy(feed -> assertThat(TestContracts.shipped(feed).feed()).isEqualTo(feed));
    }

    @Test
    void defaultContract_mapsTheEightSeedColumnsToThemselves_withTheSeedPolicies() {
        FeedContract contract = TestContracts.shipped("default");

        FeedContract.Mapping m = contract.mapping();
        assertThat(contract.feed()).isEqualTo("default");
        assertThat(contract.requiredColumns()).containsExactly("customer_id", "first_name", "last_name", "email",
                "purchase_id", "purchase_date", "amount", "currency");
        assertThat(m.customerId().floatText()).isFalse();
        assertThat(m.purchaseKey().derived()).isFalse();
        assertThat(m.purchaseDate().format()).isNull();
        assertThat(m.amount()).isEqualTo(new FeedContract.AmountColumn("amount"));
        assertThat(m.currency()).isEqualTo(new FeedContract.Currency("currency", null));
        assertThat(contract.policies()).isEqualTo(new FeedContract.Policies(null, FeedContract.Returns.QUARANTINE,
                FeedContract.ZeroPrice.ACCEPT, null));
        assertThat(contract.validationPolicy()).isEqualTo(ValidationPolicy.SEED);
        assertThat(contract.rowRules()).isEmpty();
        assertThat(contract.datasetRules()).isEqualTo(DatasetRules.NONE);
        assertThat(contract.caseSensitiveHeader()).isFalse();
    }

    @Test
    void onlineRetailContract_describesALineItemFeed() {
        FeedContract contract = TestContracts.shipped("online-retail");

        FeedContract.Mapping m = contract.mapping();
        assertThat(m.firstNameColumn()).isNull();
        assertThat(m.lastNameColumn()).isNull();
        assertThat(m.emailColumn()).isNull();
        assertThat(m.customerId()).isEqualTo(new FeedContract.CustomerId("CustomerID", true));
        assertThat(m.purchaseKey()).isEqualTo(new FeedContract.PurchaseKey(List.of("InvoiceNo", "StockCode"), true));
        assertThat(m.purchaseDate()).isEqualTo(
                new FeedContract.PurchaseDate("InvoiceDate", "M/d/yyyy H:mm", ZoneId.of("Europe/London")));
        assertThat(m.amount()).isEqualTo(new FeedContract.LineItem("Quantity", "UnitPrice"));
        assertThat(m.currency()).isEqualTo(new FeedContract.Currency(null, "GBP"));
        assertThat(contract.policies()).isEqualTo(new FeedContract.Policies(null, FeedContract.Returns.NET,
                FeedContract.ZeroPrice.QUARANTINE,
                new FeedContract.Cancellation("InvoiceNo", "C", FeedContract.Returns.NET)));
        assertThat(contract.optionalColumns()).containsExactly("Description", "Country");
        assertThat(contract.validationPolicy()).isEqualTo(new ValidationPolicy(true, true));
        assertThat(contract.rowRules()).extracting(RowRule::name)
                .containsExactly("invoice_number_format", "quantity_in_range", "quantity_present");
        assertThat(contract.datasetRules()).isEqualTo(new DatasetRules(1, new BigDecimal("0.5"), false));
    }

    @Test
    void contractFile_namingAnotherFeed_failsAtTheFeedField() {
        assertThatThrownBy(() -> FeedContractLoader.load(Fixtures.open("feeds/valid_minimal.yaml"),
                "feeds/online-retail.yaml", "online-retail"))
                .isInstanceOf(InvalidFeedContractException.class)
                .hasMessage("Feed contract feeds/online-retail.yaml: feed (line 2, column 7): names feed 'shop', "
                        + "but the file is the contract of 'online-retail'");
    }

    @Test
    void emptyFile_failsNamingTheDocument() {
        assertThatThrownBy(() -> FeedContractLoader.load(new ByteArrayInputStream(new byte[0]), "e.yaml", null))
                .hasMessageContaining("e.yaml: document (line 1, column 1): the file is empty");
    }

    @Test
    void columnNamesWrittenAsNumbers_areText() {
        String yaml = new String(readAll("feeds/valid_minimal.yaml"), StandardCharsets.UTF_8)
                .replace("column: InvoiceNo, prefix: C", "column: InvoiceNo, prefix: 0");

        FeedContract contract = FeedContractLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "n.yaml", null);

        assertThat(contract.policies().cancellation().prefix()).isEqualTo("0");
    }

    /** Each broken file, the field path the error must name and the line it is on (counted in the file). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unsupported_version, version, 1, version 2 is not supported",
        "version_as_text, version, 1, must be a whole number",
        "duplicate_key, feed, 3, is given more than once",
        "missing_currency, mapping.currency, 4, is required but missing",
        "unknown_field, mapping.purchase_date.time_zon, 9, is not a known field here",
        "bad_time_zone, mapping.purchase_date.time_zone, 9, 'Europe/Londn' is not a time zone",
        "bad_date_pattern, mapping.purchase_date.format, 9, is not a date-time pattern",
        "time_without_zone, mapping.purchase_date.format, 9, needs a time_zone",
        "amount_absent, mapping.amount, 10, cannot be absent",
        "numeric_composite_key, mapping.purchase_id.columns, 8, needs id: derived",
        "lower_case_currency, mapping.currency.fixed, 11, 'gbp' is not an ISO-4217 currency code",
        "cancellation_net_with_negatives_quarantined, policies.cancellation.action, 14, set negative_amounts: net",
        "bad_regex, rules.row[0].regex, 17, is not a regular expression",
        "duplicate_rule_name, rules.row[1].name, 18, 'invoice_format' names another rule already",
        "range_min_above_max, rules.row[1].min, 18, is greater than max -100",
        "unknown_check, rules.row[1].check, 18, must be one of [not_null, range, allowed_values, pattern, unique]",
        "ratio_above_one, rules.dataset.max_quarantine_ratio, 21, between 0 and 1",
        "optional_column_is_required, header.optional_columns[1], 4, 'CustomerID' is read by the mapping",
    })
    void brokenContract_failsNamingFieldAndLine(String file, String path, int line, String problem) {
        String source = "broken/" + file + ".yaml";

        assertThatThrownBy(() -> FeedContractLoader.load(Fixtures.open("feeds/" + source), source, null))
                .isInstanceOf(InvalidFeedContractException.class)
                .hasMessageContaining(source + ": " + path + " (line " + line + ", column ")
                .hasMessageContaining(problem)
                .asInstanceOf(InstanceOfAssertFactories.type(InvalidFeedContractException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.line()).isEqualTo(line);
                });
    }

    @Test
    void notYaml_failsNamingTheDocumentAndTheLineOfTheSyntaxError() {
        assertThatThrownBy(() -> FeedContractLoader.load(Fixtures.open("feeds/broken/not_yaml.yaml"), "n.yaml", null))
                .isInstanceOf(InvalidFeedContractException.class)
                .hasMessageContaining("n.yaml: document (line 3,")
                .hasMessageContaining("is not valid YAML");
    }

    private static byte[] readAll(String fixture) {
        try (var in = Fixtures.open(fixture)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
