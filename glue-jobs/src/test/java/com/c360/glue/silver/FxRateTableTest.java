package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.glue.Fixtures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FxRateTableTest {
    private final FxRateTable table = FxRateTable.parse(Fixtures.open("fx/fx_rates_test.csv"), "fx_rates_test.csv");

    private static FxRateTable parse(String csv) {
        return FxRateTable.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "inline.csv");
    }

    @Test
    void purchaseDate_usesLatestRateOnOrBeforeIt() {
        assertThat(table.audPerUnit("USD", LocalDate.parse("2026-01-31"))).contains(new BigDecimal("1.5"));
        assertThat(table.audPerUnit("USD", LocalDate.parse("2026-02-01"))).contains(new BigDecimal("1.6"));
        assertThat(table.audPerUnit("USD", LocalDate.parse("2026-09-30"))).contains(new BigDecimal("1.6"));
    }

    @Test
    void dateBeforeFirstRate_hasNoRate() {
        assertThat(table.audPerUnit("USD", LocalDate.parse("2025-12-31"))).isEmpty();
        assertThat(table.audPerUnit("GBP", LocalDate.parse("2026-06-01"))).isEmpty();
    }

    @Test
    void aud_needsNoRate() {
        assertThat(table.audPerUnit("AUD", LocalDate.parse("1990-01-01"))).contains(BigDecimal.ONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUD,2026-01-01,1", "aud,2026-01-01,1.000", "AUD,2026-01-01,1.0000000000"})
    void audRowAtRateOne_isAccepted_andAudStillConvertsAtOne(String row) {
        FxRateTable withAud = parse("currency,rate_date,aud_per_unit\n" + row + "\nUSD,2026-01-01,1.5\n");

        assertThat(withAud.audPerUnit("AUD", LocalDate.parse("2025-06-01"))).contains(BigDecimal.ONE);
        assertThat(withAud.audPerUnit("USD", LocalDate.parse("2026-01-02"))).contains(new BigDecimal("1.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.01", "0.99", "2"})
    void audRowAtAnyOtherRate_rejectsTheTable_sayingAudCanOnlyBeOne(String rate) {
        assertThatThrownBy(() -> parse("currency,rate_date,aud_per_unit\nAUD,2026-01-01," + rate + "\n"))
                .isInstanceOf(InvalidFxReferenceException.class)
                .hasMessageContaining("inline.csv line 2")
                .hasMessageContaining("AUD is the target currency, so its rate can only be 1, not " + rate);
    }

    @Test
    void lowerCaseCurrency_isAccepted() {
        assertThat(parse("currency,rate_date,aud_per_unit\nnzd,2026-01-01,0.91\n")
                .audPerUnit("NZD", LocalDate.parse("2026-01-02"))).contains(new BigDecimal("0.91"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "currency,rate_date,aud_per_unit\nUSD,2026-01-01,-1.5\n",
        "currency,rate_date,aud_per_unit\nUSD,2026-01-01,0\n",
        "currency,rate_date,aud_per_unit\nUSD,2026-01-01,1.5\nUSD,2026-01-01,1.6\n",
        "currency,rate_date,aud_per_unit\nXYZ,2026-01-01,1.5\n",
        "currency,rate_date,aud_per_unit\nUSD,01/01/2026,1.5\n",
        "currency,rate_date,aud_per_unit\nUSD,2026-01-01,1.12345678901\n",
        "currency,rate_date,aud_per_unit\nUSD,2026-01-01\n",
        "currency,date,rate\nUSD,2026-01-01,1.5\n",
        ""
    })
    void unusableReferenceRow_rejectsTheWholeTable(String csv) {
        assertThatThrownBy(() -> parse(csv)).isInstanceOf(InvalidFxReferenceException.class)
                .hasMessageContaining("inline.csv");
    }

    @Test
    void sameRateTwice_isAccepted() {
        assertThat(parse("currency,rate_date,aud_per_unit\nUSD,2026-01-01,1.5\nUSD,2026-01-01,1.50\n")
                .audPerUnit("USD", LocalDate.parse("2026-01-01"))).contains(new BigDecimal("1.5"));
    }
}
