package com.c360.glue.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.silver.QuarantineReason;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RowRulesTest {
    private static Optional<String> check(RowRule rule, String value) {
        Map<String, String> row = new HashMap<>();
        row.put("c", value);
        return rule.violation(row::get);
    }

    @Test
    void notNull_failsOnlyAnEmptyValue() {
        RowRule rule = new RowRule.NotNull("r", "c");

        assertThat(check(rule, null)).contains("c is empty");
        assertThat(check(rule, "0")).isEmpty();
    }

    @Test
    void range_isInclusive_passesEmpty_andFailsANonNumber() {
        RowRule rule = new RowRule.Range("r", "c", new BigDecimal("-10"), new BigDecimal("10.5"));

        assertThat(check(rule, "-10")).isEmpty();
        assertThat(check(rule, "10.50")).isEmpty();
        assertThat(check(rule, null)).isEmpty();
        assertThat(check(rule, "10.51")).contains("c 10.51 is outside [-10, 10.5]");
        assertThat(check(rule, "-11")).contains("c -11 is outside [-10, 10.5]");
        assertThat(check(rule, "1e1")).contains("c '1e1' is not a number");
        assertThat(check(new RowRule.Range("r", "c", null, BigDecimal.ONE), "-99999")).isEmpty();
        assertThat(check(new RowRule.Range("r", "c", BigDecimal.ONE, null), "0"))
                .contains("c 0 is outside [1, unbounded]");
    }

    @Test
    void allowedValues_matchExactly_orIgnoringCaseWhenAsked() {
        RowRule exact = new RowRule.AllowedValues("r", "c", Set.of("United Kingdom", "France"), true);
        RowRule anyCase = new RowRule.AllowedValues("r", "c", Set.of("united kingdom", "france"), false);

        assertThat(check(exact, "France")).isEmpty();
        assertThat(check(exact, "FRANCE")).contains("c 'FRANCE' is not one of the allowed values");
        assertThat(check(anyCase, "FRANCE")).isEmpty();
        assertThat(check(anyCase, "Spain")).isPresent();
        assertThat(check(exact, null)).isEmpty();
    }

    @Test
    void pattern_mustMatchTheWholeValue() {
        RowRule rule = new RowRule.Matches("r", "c", Pattern.compile("C?\\d{6}"));

        assertThat(check(rule, "C536379")).isEmpty();
        assertThat(check(rule, "536379x")).contains("c '536379x' does not match C?\\d{6}");
        assertThat(check(rule, null)).isEmpty();
    }

    @Test
    void rowRulesFromAContract_runInOrder_andTheFirstFailureIsTheReason() {
        FeedContract contract = TestContracts.variant("online-retail",
                "optional_columns: [Description, Country]", "optional_columns: [Description]", "  row:\n", """
                  row:
                    - {name: country_known, check: allowed_values, column: Country, values: [United Kingdom, France, NO]}
                    - {name: country_short, check: pattern, column: Country, regex: ".{1,2}"}
                """);
        FeedMapper mapper = contract.mapper(List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice",
                "CustomerID", "Country"), "r.csv");

        MappedRecord spain = mapper.map(List.of("536365", "X", "1", "12/1/2010 8:26", "1.00", "1.0", "Spain"));
        MappedRecord france = mapper.map(List.of("536365", "X", "1", "12/1/2010 8:26", "1.00", "1.0", "France"));
        MappedRecord norway = mapper.map(List.of("536365", "X", "1", "12/1/2010 8:26", "1.00", "1.0", "NO"));

        assertThat(spain.rule()).isEqualTo("country_known");
        assertThat(spain.reason()).isEqualTo(QuarantineReason.RULE_VIOLATION);
        assertThat(france.rule()).isEqualTo("country_short");
        // YAML 1.1 would read NO as false; the contract reads it as the text it is.
        assertThat(norway.rejected()).isFalse();
    }

    @Test
    void uniqueRule_quarantinesEveryOccurrenceOfARepeatedKey_andSkipsKeysWithAnEmptyPart() {
        FeedContract contract = TestContracts.variant("online-retail", "  row:\n", """
                  row:
                    - {name: one_line_per_stock_code, check: unique, columns: [InvoiceNo, StockCode]}
                """);
        FeedMapper mapper = contract.mapper(List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice",
                "CustomerID"), "u.csv");
        List<MappedRecord> records = List.of(
                line(mapper, "536365,85123A,6,12/1/2010 8:26,2.55,1.0"),
                line(mapper, "536365,71053,6,12/1/2010 8:26,3.39,1.0"),
                line(mapper, "536365,85123A,2,12/1/2010 8:26,2.55,1.0"),
                line(mapper, "536365,,6,12/1/2010 8:26,2.55,1.0"),
                line(mapper, "536365,,6,12/1/2010 8:26,2.55,1.0"),
                line(mapper, "536366,85123A,six,12/1/2010 8:26,2.55,1.0"),
                line(mapper, "536366,85123A,6,12/1/2010 8:26,2.55,1.0"));

        List<MappedRecord> checked = UniqueRules.apply(contract, records);

        assertThat(checked).extracting(MappedRecord::rule).containsExactly("one_line_per_stock_code", null,
                "one_line_per_stock_code", null, null, "mapping.amount", "one_line_per_stock_code");
        assertThat(checked.get(0).detail()).isEqualTo("[InvoiceNo, StockCode] occur 2 times in the file");
        assertThat(records.get(0).uniqueKeys()).containsExactly("6:536365" + "6:85123A");
        assertThat(records.get(3).uniqueKeys()).containsExactly((String) null);
    }

    private static MappedRecord line(FeedMapper mapper, String line) {
        return mapper.map(Arrays.asList(line.split(",", -1)));
    }
}
