package com.c360.e2e.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made cases; every expected number below is worked out by hand in the comments, not by the oracle. */
class ScenarioOracleTest {
    private static final FxRates FX = FxRates.reference();
    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);

    private static PurchaseRow row(long customer, long purchase, String date, String amount, String currency) {
        return new PurchaseRow(customer, "Ann", "Lee", "ann" + customer + "@example.com", purchase,
                LocalDate.parse(date), amount, currency);
    }

    private static Upload upload(long order, PurchaseRow... rows) {
        return new Upload(order, DAY, "purchases-" + order + ".csv", List.of(rows));
    }

    private static ExpectedSummary summary(long customer, String total, long count, String first, String last) {
        return new ExpectedSummary(customer, "Ann Lee", "ann" + customer + "@example.com", new BigDecimal(total),
                count, LocalDate.parse(first), LocalDate.parse(last));
    }

    private static Map<Long, ExpectedSummary> expected(Upload... uploads) {
        return ScenarioOracle.expected(FX, List.of(uploads));
    }

    @Test
    void samePurchaseInTwoFiles_countsOnce() {
        PurchaseRow shared = row(1, 10, "2026-02-10", "25.00", "AUD");
        Map<Long, ExpectedSummary> summaries = expected(
                upload(1, shared),
                upload(2, shared, row(1, 11, "2026-02-12", "5.5", "AUD")));

        // 25.00 + 5.50, purchase 10 once.
        assertThat(summaries).containsExactly(Map.entry(1L, summary(1, "30.50", 2, "2026-02-10", "2026-02-12")));
    }

    @Test
    void correction_replacesTheEarlierVersion() {
        Map<Long, ExpectedSummary> summaries = expected(
                upload(1, row(1, 10, "2026-02-10", "100.00", "AUD")),
                upload(2, row(1, 10, "2026-02-11", "40.00", "AUD")));

        assertThat(summaries).containsExactly(Map.entry(1L, summary(1, "40.00", 1, "2026-02-11", "2026-02-11")));
    }

    @Test
    void correctionMovingAPurchase_changesBothCustomers() {
        Map<Long, ExpectedSummary> summaries = expected(
                upload(1, row(1, 10, "2026-02-10", "100.00", "AUD"), row(1, 11, "2026-02-20", "20.00", "AUD"),
                        row(2, 12, "2026-02-15", "7.00", "AUD")),
                upload(2, row(2, 10, "2026-02-10", "100.00", "AUD")));

        // Customer 1 keeps only purchase 11; customer 2 gains purchase 10 next to 12: 100.00 + 7.00.
        assertThat(summaries).containsExactly(
                Map.entry(1L, summary(1, "20.00", 1, "2026-02-20", "2026-02-20")),
                Map.entry(2L, summary(2, "107.00", 2, "2026-02-10", "2026-02-15")));
    }

    @Test
    void customerWhoseOnlyPurchaseMoved_hasNoSummary() {
        Map<Long, ExpectedSummary> summaries = expected(
                upload(1, row(1, 10, "2026-02-10", "100.00", "AUD")),
                upload(2, row(2, 10, "2026-02-10", "100.00", "AUD")));

        assertThat(summaries).containsOnlyKeys(2L);
    }

    @Test
    void staleOlderUpload_doesNotOverwriteTheNewerVersion() {
        Upload older = upload(1, row(1, 10, "2026-02-10", "100.00", "AUD"), row(1, 11, "2026-02-01", "10.00", "AUD"));
        Upload newer = upload(2, row(1, 10, "2026-02-10", "40.00", "AUD"));
        ScenarioOracle oracle = new ScenarioOracle(FX);

        oracle.accept(newer);
        oracle.accept(older);

        // Purchase 10 at the newer 40.00; purchase 11, which nothing newer states, still counts: 40.00 + 10.00.
        assertThat(oracle.summaries())
                .containsExactly(Map.entry(1L, summary(1, "50.00", 2, "2026-02-01", "2026-02-10")))
                .isEqualTo(expected(older, newer));
    }

    @Test
    void replayedUploads_changeNothing() {
        Upload first = upload(1, row(1, 10, "2026-02-10", "100.00", "AUD"));
        Upload second = upload(2, row(1, 11, "2026-02-11", "1.00", "AUD"));
        ScenarioOracle oracle = new ScenarioOracle(FX);

        List.of(first, second, first, second, first).forEach(oracle::accept);

        assertThat(oracle.summaries())
                .containsExactly(Map.entry(1L, summary(1, "101.00", 2, "2026-02-10", "2026-02-11")));
    }

    @Test
    void twoDifferentUploadsWithOneOrder_areRejected() {
        ScenarioOracle oracle = new ScenarioOracle(FX);
        oracle.accept(upload(1, row(1, 10, "2026-02-10", "100.00", "AUD")));

        assertThatThrownBy(() -> oracle.accept(upload(1, row(1, 10, "2026-02-10", "99.00", "AUD"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share order 1");
    }

    @Test
    void inFileConflictingDuplicate_keepsTheEarlierVersionFromAnotherFile() {
        Map<Long, ExpectedSummary> summaries = expected(
                upload(1, row(1, 10, "2026-02-10", "100.00", "AUD")),
                upload(2, row(1, 10, "2026-02-10", "30.00", "AUD"), row(1, 11, "2026-02-12", "5.00", "AUD"),
                        row(1, 10, "2026-02-10", "31.00", "AUD"),
                        row(3, 12, "2026-02-10", "8.00", "AUD"), row(3, 12, "2026-02-10", "9.00", "AUD")));

        // Purchase 10 stays at file 1's 100.00, plus 5.00; purchase 12 only ever conflicted, so customer 3 has none.
        assertThat(summaries).containsExactly(Map.entry(1L, summary(1, "105.00", 2, "2026-02-10", "2026-02-12")));
    }

    @Test
    void inFileExactDuplicates_collapseEvenWhenSpelledDifferently() {
        PurchaseRow row = row(1, 10, "2026-03-10", "12.5", "usd");
        PurchaseRow respelled = new PurchaseRow(1, " Ann", "Lee ", "ANN1@Example.com", 10, LocalDate.parse("2026-03-10"),
                "12.50", "USD");

        Map<Long, ExpectedSummary> summaries = expected(upload(1, row, row, respelled));

        // Once: 12.50 USD at 2026-03-01's 1.5069 = 18.83625 -> 18.84.
        assertThat(summaries).containsExactly(Map.entry(1L, summary(1, "18.84", 1, "2026-03-10", "2026-03-10")));
    }

    @Test
    void nameAndEmail_comeFromTheLatestPurchaseByDateThenId() {
        PurchaseRow older = new PurchaseRow(1, "Old", "Name", "old@example.com", 99, LocalDate.parse("2026-02-01"),
                "1.00", "AUD");
        PurchaseRow latest = new PurchaseRow(1, " Ann ", "", "Ann.Lee@Example.COM", 20, LocalDate.parse("2026-03-05"),
                "1.00", "AUD");
        PurchaseRow sameDayLowerId = new PurchaseRow(1, "Annie", "Tan", "annie@example.com", 5,
                LocalDate.parse("2026-03-05"), "1.00", "AUD");
        PurchaseRow sameDayLowestId = new PurchaseRow(1, "Bo", "Ng", "bo@example.com", 3,
                LocalDate.parse("2026-03-05"), "1.00", "AUD");

        // Lower ids on the same day, uploaded after it: neither upload order nor the order the rows are met in
        // picks the name, only (2026-03-05, 20) being the latest purchase.
        Map<Long, ExpectedSummary> summaries = expected(upload(1, older), upload(2, latest),
                upload(3, sameDayLowerId, sameDayLowestId));

        assertThat(summaries).containsExactly(Map.entry(1L, new ExpectedSummary(1, "Ann", "ann.lee@example.com",
                new BigDecimal("4.00"), 4, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-05"))));
    }

    @Test
    void blankNamesAndEmail_leaveThemAbsent() {
        PurchaseRow nameless = new PurchaseRow(4, "", "  ", " ", 40, LocalDate.parse("2026-03-05"), "2", "AUD");

        assertThat(expected(upload(1, nameless))).containsExactly(Map.entry(4L, new ExpectedSummary(4, null, null,
                new BigDecimal("2.00"), 1, LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-05"))));
    }

    @Test
    void foreignAmounts_convertAtTheRateOnOrBeforeTheirDate_roundedHalfUpPerRow() {
        // fx_rates_aud.csv: JPY,2026-03-01,0.009900 and USD,2026-04-01,1.5178 (USD,2026-03-01 is 1.5069).
        Map<Long, ExpectedSummary> summaries = expected(upload(1,
                row(5, 30, "2026-03-10", "150", "JPY"), row(5, 31, "2026-03-31", "150", "JPY"),
                row(6, 32, "2026-04-01", "10.00", "USD")));

        // 150 x 0.0099 = 1.485 -> 1.49 per row (HALF_UP), so 2.98, not 1.485 x 2 = 2.97 rounded once.
        // 10.00 x 1.5178 = 15.178 -> 15.18: the rate dated on the purchase day itself applies.
        assertThat(summaries).containsExactly(
                Map.entry(5L, summary(5, "2.98", 2, "2026-03-10", "2026-03-31")),
                Map.entry(6L, summary(6, "15.18", 1, "2026-04-01", "2026-04-01")));
    }
}
