package com.c360.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayRequestTest {
    @Test
    void key_ofAReasonReplay_isTheDocumentedExecutionInputKey() {
        ReplayRequest request = new ReplayRequest(ReplayRequest.Selector.REASON, "no_fx_rate", "20261202T0500Z-ab12");

        assertThat(request.key()).isEqualTo("_replay/reason=no_fx_rate/20261202T0500Z-ab12");
        assertThat(request.executionName()).isEqualTo("replay-20261202T0500Z-ab12");
    }

    @Test
    void fromKey_ofEachSelectorsKey_givesTheSameRequestBack() {
        for (ReplayRequest.Selector selector : ReplayRequest.Selector.values()) {
            ReplayRequest request = new ReplayRequest(selector, "x.Y-1_z", "id-1");

            assertThat(ReplayRequest.fromKey(request.key())).contains(request);
        }
    }

    @Test
    void fromKey_ofABronzeObjectKey_isNoReplay() {
        assertThat(ReplayRequest.fromKey("year=2026/month=03/day=10/purchases.csv")).isEmpty();
        assertThat(ReplayRequest.fromKey("online-retail/incoming/replay.csv")).isEmpty();
    }

    @Test
    void fromKey_ofAMalformedReplayKey_namesTheExpectedShape() {
        assertThatThrownBy(() -> ReplayRequest.fromKey("_replay/reason=no_fx_rate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("_replay/<reason|rule|run>=<value>/<id>");
        assertThatThrownBy(() -> ReplayRequest.fromKey("_replay/owner=x/id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown replay selector 'owner'");
    }

    @Test
    void aValueTheKeyCannotCarry_isRefused() {
        assertThatThrownBy(() -> new ReplayRequest(ReplayRequest.Selector.RULE, "a/b", "id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule");
        assertThatThrownBy(() -> new ReplayRequest(ReplayRequest.Selector.RUN, "", "id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayRequest(null, "no_fx_rate", "id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
