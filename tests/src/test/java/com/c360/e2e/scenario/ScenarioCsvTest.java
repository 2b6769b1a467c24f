package com.c360.e2e.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCsvTest {

    @Test
    void toCsv_quotesOnlyFieldsWithCommasOrQuotes_withCrlfLineEnds() {
        Upload upload = new Upload(1, LocalDate.parse("2026-07-01"), "purchases.csv", List.of(
                new PurchaseRow(3, "O'Brien, Jr.", "Zoë \"Z\"", "ob@example.com", 17, LocalDate.parse("2026-02-03"),
                        "12.50", "usd"),
                new PurchaseRow(4, "Bo", "", "bo@example.com", 18, LocalDate.parse("2026-02-04"), "0", "AUD")));

        assertThat(upload.toCsv()).isEqualTo(
                "customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency\r\n"
                + "3,\"O'Brien, Jr.\",\"Zoë \"\"Z\"\"\",ob@example.com,17,2026-02-03,12.50,usd\r\n"
                + "4,Bo,,bo@example.com,18,2026-02-04,0,AUD\r\n");
    }
}
