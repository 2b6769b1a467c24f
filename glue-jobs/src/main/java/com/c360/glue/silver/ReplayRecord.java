package com.c360.glue.silver;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * What one replay of quarantined rows did, written last, beside quarantine ({@code LakeLayout.replayRecord}).
 *
 * @param rowsSelected quarantined rows the replay checked again
 * @param rowsReplayed of those, rows now valid, which left quarantine (silver took those it had no later version of)
 * @param stillQuarantinedByReason the others, by the reason they are quarantined with now
 */
public record ReplayRecord(String replayId, String runId, String selector, String value, long rowsSelected,
        long rowsReplayed, Map<String, Long> stillQuarantinedByReason, SilverMerge.Result silver,
        String completedAt) {

    public void write(String path, Configuration conf) {
        LakeJson.write(this, path, conf);
    }

    public static ReplayRecord read(String path, Configuration conf) {
        return LakeJson.read(path, ReplayRecord.class, conf);
    }
}
