package com.c360.glue.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetRulesTest {
    private static final DatasetRules RULES = new DatasetRules(3, new BigDecimal("0.25"), false);
    private static final SchemaDrift NO_DRIFT = new SchemaDrift(List.of(), List.of());

    @Test
    void fileWithinEveryRule_passesAll_withItsFigures() {
        List<DatasetRules.Outcome> outcomes = RULES.enforce(new DatasetRules.Counts(8, 2), NO_DRIFT);

        assertThat(outcomes).containsExactly(
                new DatasetRules.Outcome("min_rows", true, "8", ">= 3"),
                new DatasetRules.Outcome("max_quarantine_ratio", true, "0.2500 (2 of 8)", "<= 0.25"),
                new DatasetRules.Outcome("schema_drift", true, "extra columns []", "extra columns accepted"));
    }

    @Test
    void tooFewRows_failsMinRows() {
        assertThatThrownBy(() -> RULES.enforce(new DatasetRules.Counts(2, 0), NO_DRIFT))
                .isInstanceOf(DatasetRuleFailedException.class)
                .hasMessage("Dataset rule min_rows failed: 2, required >= 3");
    }

    @Test
    void quarantineRatioJustAboveTheLimit_failsEvenWhereTheRoundedFigureLooksEqual() {
        DatasetRules quarter = new DatasetRules(0, new BigDecimal("0.25"), false);

        // 2500001 / 10000000 = 0.2500001, shown as 0.2500
        assertThatThrownBy(() -> quarter.enforce(new DatasetRules.Counts(10_000_000, 2_500_001), NO_DRIFT))
                .isInstanceOf(DatasetRuleFailedException.class)
                .hasMessage("Dataset rule max_quarantine_ratio failed: 0.2500 (2500001 of 10000000), required <= 0.25")
                .satisfies(e -> assertThat(((DatasetRuleFailedException) e).outcome().rule())
                        .isEqualTo("max_quarantine_ratio"));
        assertThat(quarter.evaluate(new DatasetRules.Counts(10_000_000, 2_500_000), NO_DRIFT).get(1).passed()).isTrue();
    }

    @Test
    void emptyFile_hasRatioZero_andFailsOnlyAMinimum() {
        assertThat(DatasetRules.NONE.enforce(new DatasetRules.Counts(0, 0), NO_DRIFT)).allMatch(DatasetRules.Outcome::passed);
        assertThat(RULES.evaluate(new DatasetRules.Counts(0, 0), NO_DRIFT))
                .extracting(DatasetRules.Outcome::passed).containsExactly(false, true, true);
    }

    @Test
    void extraColumns_passWhenAccepted_andFailWhenForbidden() {
        SchemaDrift extra = new SchemaDrift(List.of("Channel"), List.of());
        DatasetRules closed = new DatasetRules(0, BigDecimal.ONE, true);

        assertThat(RULES.evaluate(new DatasetRules.Counts(5, 0), extra).get(2))
                .isEqualTo(new DatasetRules.Outcome("schema_drift", true, "extra columns [Channel]",
                        "extra columns accepted"));
        assertThatThrownBy(() -> closed.enforce(new DatasetRules.Counts(5, 0), extra))
                .hasMessage("Dataset rule schema_drift failed: extra columns [Channel], required no extra columns");
    }

    @Test
    void allQuarantined_passesTheDefaultRules() {
        assertThat(DatasetRules.NONE.enforce(new DatasetRules.Counts(4, 4), NO_DRIFT)).allMatch(DatasetRules.Outcome::passed);
    }
}
