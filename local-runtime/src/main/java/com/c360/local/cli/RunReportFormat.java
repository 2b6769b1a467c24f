package com.c360.local.cli;

import com.c360.glue.feed.DatasetRules;
import com.c360.glue.silver.IngestionAudit;
import com.c360.glue.silver.RowAccounting;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A run report as people read it in a terminal, or as the JSON the lake holds. */
final class RunReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReportFormat() {
    }

    static String json(IngestionAudit report) {
        try {
            return JSON.writeValueAsString(report) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run report is plain data", e);
        }
    }

    static String table(IngestionAudit report) {
        RowAccounting rows = report.accounting();
        StringBuilder out = new StringBuilder();
        line(out, "run", report.runId());
        line(out, "file", report.sourceKey() + " (feed " + report.feed() + ", contract v" + report.contractVersion()
                + ", ingestion date " + report.ingestionDate() + ")");
        line(out, "rows read", rows.rowsRead());
        line(out, "  valid", rows.rowsValid());
        line(out, "  quarantined", rows.rowsQuarantined());
        new TreeMap<>(rows.quarantinedByReason()).forEach((reason, count) -> line(out, "    reason " + reason, count));
        report.quarantinedByRule().forEach((rule, count) -> line(out, "    rule " + rule, count));
        line(out, "  duplicates collapsed", rows.duplicatesCollapsed());
        line(out, "silver", report.silver().outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        line(out, "  new purchases", report.silver().purchasesInserted());
        line(out, "  corrections applied", report.silver().purchasesCorrected());
        line(out, "  customers touched", report.silver().customersTouched());
        for (Map.Entry<String, java.util.List<String>> fx : report.fxRateDates().entrySet()) {
            line(out, "fx " + fx.getKey(), fx.getValue().isEmpty() ? "no conversion (AUD)"
                    : "rates of " + String.join(", ", fx.getValue()));
        }
        if (!report.ignoredColumns().isEmpty()) {
            line(out, "extra columns", String.join(", ", report.ignoredColumns()));
        }
        for (DatasetRules.Outcome rule : report.datasetRules()) {
            line(out, "rule " + rule.rule(), (rule.passed() ? "pass" : "FAIL") + ": " + rule.figure()
                    + " (" + rule.threshold() + ")");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, Object value) {
        out.append(String.format(Locale.ROOT, "  %-28s %s%n", label, value));
    }
}
