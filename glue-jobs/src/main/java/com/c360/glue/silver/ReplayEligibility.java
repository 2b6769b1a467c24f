package com.c360.glue.silver;

import com.c360.contract.ReplayRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which quarantined rows a replay takes. Quarantine keeps a row's canonical raw values, not its source record, so a
 * replay re-runs the canonical checks (FX, the feed's validation policy) and nothing that needed more:
 * <ul>
 *   <li>reasons decided against the rest of the file (a conflicting duplicate, a customer's file total) are never
 *       replayed: the other rows are not at hand;</li>
 *   <li>reasons the feed's mapping decided from source columns (a malformed record, a zero price, a cancelled
 *       invoice) are never replayed: the source columns are gone;</li>
 *   <li>a feed row rule's rejection is replayed only when the replay names that rule ({@code --rule}), and the row
 *       leaves quarantine only if the feed's current contract no longer has the rule.</li>
 * </ul>
 */
public final class ReplayEligibility {
    private static final Set<String> NEVER_REPLAYED = Set.of(
            QuarantineReason.CONFLICTING_DUPLICATE, QuarantineReason.CUSTOMER_TOTAL_OUT_OF_RANGE,
            QuarantineReason.MALFORMED_ROW, QuarantineReason.ZERO_PRICE, QuarantineReason.CANCELLED_INVOICE)
            .stream().map(QuarantineReason::code).collect(Collectors.toUnmodifiableSet());

    private ReplayEligibility() {
    }

    /** Whether {@code request} replays a quarantined row with this reason, feed rule (or null) and run id. */
    public static boolean selects(ReplayRequest request, String reason, String rule, String runId) {
        boolean named = switch (request.selector()) {
            case REASON -> request.value().equals(reason);
            case RULE -> request.value().equals(rule);
            case RUN -> request.value().equals(runId);
        };
        boolean ruleRejectionNamedByRule = rule == null || request.selector() == ReplayRequest.Selector.RULE;
        return named && ruleRejectionNamedByRule && !NEVER_REPLAYED.contains(reason);
    }

    /** Refuses, before anything runs, a {@code --reason} no row could be replayed for, saying why. */
    public static void requireReplayableReason(String code) {
        boolean known = Arrays.stream(QuarantineReason.values()).anyMatch(reason -> reason.code().equals(code));
        if (!known) {
            throw new IllegalArgumentException("no quarantine reason '" + code + "'");
        }
        if (NEVER_REPLAYED.contains(code)) {
            throw new IllegalArgumentException("rows quarantined as " + code + " cannot be replayed: that reason was"
                    + " decided from the whole file or the source record, which quarantine does not keep;"
                    + " re-upload the corrected file instead");
        }
        if (QuarantineReason.RULE_VIOLATION.code().equals(code)) {
            throw new IllegalArgumentException("rows a feed rule rejected are replayed by the rule's name: --rule NAME");
        }
    }
}
