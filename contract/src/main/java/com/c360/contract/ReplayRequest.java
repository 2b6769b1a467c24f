package com.c360.contract;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replay of quarantined rows, carried by the state machine's ordinary input: its {@code key} is
 * {@code _replay/<selector>=<value>/<replayId>} instead of a bronze object's key. bronze→silver sees the prefix and
 * replays instead of reading bronze; silver→gold, gold→RDS and the upsert run as for an upload, finding the replay's
 * silver commit by this key and the execution's upload order. No bronze object has such a key: the trigger only starts
 * executions for {@code .csv} keys, and a replay key has no suffix.
 */
public record ReplayRequest(Selector selector, String value, String replayId) implements Serializable {
    public static final String KEY_PREFIX = "_replay/";
    /** Reason codes, rule names, execution names and replay ids: nothing that would need escaping in a key. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    private static final Pattern KEY = Pattern.compile(Pattern.quote(KEY_PREFIX) + "([a-z]+)=([^/]+)/([^/]+)");

    /** Which quarantined rows a replay takes. */
    public enum Selector {
        /** Rows quarantined with this reason code, e.g. {@code no_fx_rate}. */
        REASON,
        /** Rows a feed contract's row rule of this name rejected. */
        RULE,
        /** Rows quarantined by this execution (the quarantine's {@code run_id}). */
        RUN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Selector ofLabel(String label) {
            return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown replay selector '" + label
                            + "': expected reason, rule or run"));
        }
    }

    public ReplayRequest {
        if (selector == null) {
            throw new IllegalArgumentException("a replay needs a selector: reason, rule or run");
        }
        requireSafe(selector.label(), value);
        requireSafe("replay id", replayId);
    }

    /** The state machine input's {@code key} for this replay. */
    public String key() {
        return KEY_PREFIX + selector.label() + "=" + value + "/" + replayId;
    }

    /** The replay a state machine input's key asks for, or empty for a bronze object's key. */
    public static Optional<ReplayRequest> fromKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a replay key is " + KEY_PREFIX + "<reason|rule|run>=<value>/<id>,"
                    + " got '" + key + "'");
        }
        return Optional.of(new ReplayRequest(Selector.ofLabel(matcher.group(1)), matcher.group(2), matcher.group(3)));
    }

    /** The execution that runs this replay, named after its id. */
    public String executionName() {
        return "replay-" + replayId;
    }

    private static void requireSafe(String what, String text) {
        if (text == null || !SAFE.matcher(text).matches()) {
            throw new IllegalArgumentException("a replay's " + what + " must be 1 to 80 of A-Z a-z 0-9 _ . -, got '"
                    + text + "'");
        }
    }
}
