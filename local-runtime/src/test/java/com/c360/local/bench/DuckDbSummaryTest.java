package com.c360.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's summary against totals worked out by hand from contract v1's rules. */
class DuckDbSummaryTest {
    private static final String FX = """
            currency,rate_date,aud_per_unit
            USD,2025-01-01,1.5000
            USD,2025-02-01,1.6000
            EUR,2025-01-01,1.6500
            KWD,2025-01-01,10000
            AUD,2025-01-01,1
            """;

    private static final String PURCHASES = """
            customer_id,first_name,last_name,email,purchase_id,purchase_date,amount,currency
            1001,Ann,"Lee, Jr.",ann@x.com,1,2025-01-15,10.00,AUD
            1001,Ann,"Lee, Jr.",ann@x.com,2,2025-02-01,10.005,USD
            1002,Bob,Ray,bob@x.com,3,2025-01-31,0.39,usd
            1002,Bob,Ray,bob@x.com,3,2025-01-31,0.39,usd
            1002,Bob,Ray,bob@x.com,4,2025-01-20,5,EUR
            1003,Cy,"O'Neil",cy@x.com,5,2025-01-10,7.00,AUD
            1003,Cy,"O'Neil",cy@x.com,5,2025-01-10,8.00,AUD
            1003,Cy,"O'Neil",cy@x.com,6,2025-01-10,1.5,AUD
            1003,Cy,"O'Neil",cy@x.com,7,2025-01-10,2.50,AUD
            1003,Cy,"O'Neil",CY@X.COM,7,2025-01-10T09:30:00,2.5,aud
            ,Eve,Xu,eve@x.com,8,2025-01-10,3,AUD
            1004,Dan,Yu,dan@x.com,9,2025-01-10,N/A,AUD
            1004,Dan,Yu,dan@x.com,10,2025-02-30,3,AUD
            1004,Dan,Yu,dan@x.com,11,2025-01-10,-3,AUD
            1004,Dan,Yu,dan@x.com,12,2025-01-10,3,XYZ
            1004,Dan,Yu,dan@x.com,13,2024-12-31,3,USD
            1004,Dan,Yu,dan@x.com,14,2025-01-10,1.0000001,AUD
            1004,Dan,Yu,dan@x.com,15,1899-12-31,3,AUD
            1004,Dan,Yu,dan@x.com,x16,2025-01-10,3,AUD
            1005,Fay,Zo,fay@x.com,17,2025-01-10,999999999999,KWD
            1005,Fay,Zo,fay@x.com,18,2025-01-10,999999999999,KWD
            """;

    @TempDir
    Path work;

    @Test
    void handWorkedFile_totalsFollowTheContractsRules() throws IOException {
        Path fx = Files.writeString(work.resolve("fx.csv"), FX);
        Path purchases = Files.writeString(work.resolve("purchases.csv"), PURCHASES);

        DuckDbSummary.Run run = DuckDbSummary.compute(purchases, fx, 1);

        // 1001: 10.00 AUD + 10.005 USD at February's 1.6 (16.008 -> 16.01) = 26.01, 2 purchases.
        // 1002: 0.39 USD at January's 1.5 (0.585 -> 0.59 HALF_UP, not 0.58) once, the exact copy collapsed,
        //       + 5 EUR at 1.65 (8.25) = 8.84, 2 purchases.
        // 1003: purchase 5 conflicts and is refused; 6 (1.50) and 7 (2.50, its respelt copy collapsed) = 4.00.
        // 1004 and the blank customer: every row breaks a rule. 1005: each row fits DECIMAL(18,2), their sum does not.
        assertThat(run.totals().totalSpentAud()).isEqualByComparingTo(new BigDecimal("38.85"));
        assertThat(run.totals().customers()).isEqualTo(3);
        assertThat(run.totals().purchases()).isEqualTo(6);
        assertThat(run.seconds()).isPositive();
    }

    @Test
    void sameAs_comparesAmountsWhateverTheirScale() {
        SummaryTotals pipeline = new SummaryTotals(new BigDecimal("38.85"), 3, 6);

        assertThat(pipeline.sameAs(new SummaryTotals(new BigDecimal("38.850"), 3, 6))).isTrue();
        assertThat(pipeline.sameAs(new SummaryTotals(new BigDecimal("38.84"), 3, 6))).isFalse();
        assertThat(pipeline.sameAs(new SummaryTotals(new BigDecimal("38.85"), 3, 7))).isFalse();
    }
}
