package com.c360.glue.silver;

import com.c360.glue.feed.DatasetRules;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The run report of one bronze→silver run for one file, written last so its presence means silver and quarantine
 * for the file are complete: what was read and where each row went (by reason and by the feed rule that rejected
 * it), what silver took (new purchases, corrections, customers touched), which FX rates converted it, and every
 * dataset rule of the feed with its figure.
 *
 * @param ignoredColumns the header's columns the feed does not use (additive schema drift)
 * @param fxRateDates per currency of the valid rows, the dates of the rates used
 */
public record IngestionAudit(
        String runId,
        String sourceBucket,
        String sourceKey,
        String sourceVersion,
        String sourceFile,
        String ingestionDate,
        String feed,
        int contractVersion,
        List<String> ignoredColumns,
        RowAccounting accounting,
        Map<String, Long> quarantinedByRule,
        SilverMerge.Result silver,
        Map<String, List<String>> fxRateDates,
        List<DatasetRules.Outcome> datasetRules,
        String completedAt) {

    /** Beside the file's quarantine output: Spark and Athena skip files whose names start with an underscore. */
    public static final String QUARANTINE_COPY = "_run_report.json";

    public void write(String path, Configuration conf) {
        LakeJson.write(this, path, conf);
    }

    public static IngestionAudit read(String path, Configuration conf) {
        return LakeJson.read(path, IngestionAudit.class, conf);
    }
}
