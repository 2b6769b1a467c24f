package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.ReplayRequest;
import org.junit.jupiter.api.Test;

class ReplayEligibilityTest {
    private static ReplayRequest replay(ReplayRequest.Selector selector, String value) {
        return new ReplayRequest(selector, value, "id");
    }

    @Test
    void byReason_selectsThatReasonsRows_only() {
        ReplayRequest request = replay(ReplayRequest.Selector.REASON, "no_fx_rate");

        assertThat(ReplayEligibility.selects(request, "no_fx_rate", null, "run-1")).isTrue();
        assertThat(ReplayEligibility.selects(request, "bad_date", null, "run-1")).isFalse();
    }

    @Test
    void byRun_selectsThatRunsReplayableRows_butNotFileWideOrMappingOrRuleDecisions() {
        ReplayRequest request = replay(ReplayRequest.Selector.RUN, "run-1");

        assertThat(ReplayEligibility.selects(request, "no_fx_rate", null, "run-1")).isTrue();
        assertThat(ReplayEligibility.selects(request, "negative_amount", null, "run-1")).isTrue();
        assertThat(ReplayEligibility.selects(request, "no_fx_rate", null, "run-2")).isFalse();
        assertThat(ReplayEligibility.selects(request, "conflicting_duplicate", null, "run-1")).isFalse();
        assertThat(ReplayEligibility.selects(request, "customer_total_out_of_range", null, "run-1")).isFalse();
        assertThat(ReplayEligibility.selects(request, "zero_price", null, "run-1")).isFalse();
        assertThat(ReplayEligibility.selects(request, "rule_violation", "quantity_present", "run-1")).isFalse();
    }

    @Test
    void byRule_selectsThatRulesRejections_only() {
        ReplayRequest request = replay(ReplayRequest.Selector.RULE, "quantity_present");

        assertThat(ReplayEligibility.selects(request, "rule_violation", "quantity_present", "run-1")).isTrue();
        assertThat(ReplayEligibility.selects(request, "rule_violation", "quantity_in_range", "run-1")).isFalse();
        assertThat(ReplayEligibility.selects(request, "no_fx_rate", null, "run-1")).isFalse();
    }

    @Test
    void requireReplayableReason_refusesUnknownFileWideAndRuleReasons_sayingWhy() {
        ReplayEligibility.requireReplayableReason("no_fx_rate");

        assertThatThrownBy(() -> ReplayEligibility.requireReplayableReason("no_such_reason"))
                .hasMessageContaining("no quarantine reason 'no_such_reason'");
        assertThatThrownBy(() -> ReplayEligibility.requireReplayableReason("conflicting_duplicate"))
                .hasMessageContaining("cannot be replayed");
        assertThatThrownBy(() -> ReplayEligibility.requireReplayableReason("cancelled_invoice"))
                .hasMessageContaining("cannot be replayed");
        assertThatThrownBy(() -> ReplayEligibility.requireReplayableReason("rule_violation"))
                .hasMessageContaining("--rule NAME");
    }
}
