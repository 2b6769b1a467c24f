package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.query.TopSpender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopSpenderFormatTest {
    private static final TopSpender BIG = new TopSpender(100022, "Ann O'Brien, Jr.", "ann@example.com",
            new BigDecimal("12345.6"), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 12, 30));
    private static final TopSpender SMALL = new TopSpender(7, "Bo", null,
            new BigDecimal("9.999"), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1));

    @Test
    void table_alignsColumns_rightAlignsNumbers_andShowsTwoDecimals() {
        String expected = """
                rank  customer_id  full_name         email            total_spent_aud  first_purchase_date  last_purchase_date
                   1       100022  Ann O'Brien, Jr.  ann@example.com         12345.60  2025-01-02           2025-12-30
                   2            7  Bo                                           10.00  2025-06-01           2025-06-01
                """;

        assertThat(TopSpenderFormat.table(List.of(BIG, SMALL))).isEqualTo(expected);
    }

    @Test
    void table_neutralizesNamesAndEmailsASpreadsheetWouldRun_jsonKeepsThemAsStored() throws Exception {
        TopSpender formula = new TopSpender(3, "=HYPERLINK(\"http://evil.example\",\"x\")", "@sum(1+1)@x.com",
                new BigDecimal("1"), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 2));

        String table = TopSpenderFormat.table(List.of(formula));
        JsonNode json = new ObjectMapper().readTree(TopSpenderFormat.json(List.of(formula)));

        assertThat(table.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("   1            3  '=HYPERLINK(\"http://evil.example\",\"x\")  '@sum(1+1)@x.com             1.00"
                        + "  2025-01-02           2025-01-02");
        assertThat(json.get(0).get("full_name").asText()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(json.get(0).get("email").asText()).isEqualTo("@sum(1+1)@x.com");
    }

    @Test
    void table_withoutSpenders_isJustTheHeader() {
        assertThat(TopSpenderFormat.table(List.of())).isEqualTo(
                "rank  customer_id  full_name  email  total_spent_aud  first_purchase_date  last_purchase_date\n");
    }

    @Test
    void json_isAnArrayOfRankedObjects_withAmountsAsTwoDecimalNumbers() throws Exception {
        String json = TopSpenderFormat.json(List.of(BIG, SMALL));

        JsonNode array = new ObjectMapper().readTree(json);
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        JsonNode first = array.get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("customer_id").asLong()).isEqualTo(100022);
        assertThat(first.get("full_name").asText()).isEqualTo("Ann O'Brien, Jr.");
        assertThat(first.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(first.get("total_spent_aud").isNumber()).isTrue();
        assertThat(first.get("first_purchase_date").asText()).isEqualTo("2025-01-02");
        assertThat(first.get("last_purchase_date").asText()).isEqualTo("2025-12-30");
        assertThat(array.get(1).get("rank").asInt()).isEqualTo(2);
        assertThat(array.get(1).get("email").isNull()).isTrue();
        assertThat(json).contains("\"total_spent_aud\" : 12345.60", "\"total_spent_aud\" : 10.00");
    }

    @Test
    void json_withoutSpenders_isAnEmptyArray() throws Exception {
        assertThat(new ObjectMapper().readTree(TopSpenderFormat.json(List.of())).isEmpty()).isTrue();
    }
}
