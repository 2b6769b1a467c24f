package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.feed.DatasetRules;
import com.c360.glue.silver.IngestionAudit;
import com.c360.glue.silver.RowAccounting;
import com.c360.glue.silver.SilverMerge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportFormatTest {
    private static final IngestionAudit REPORT = new IngestionAudit("run-7", "bronze", "shop/incoming/d.csv", "v1",
            "d", "2026-03-30", "shop", 1, List.of("Channel"),
            new RowAccounting(9, 4, 4, 1, Map.of("rule_violation", 2L, "conflicting_duplicate", 2L)),
            Map.of("quantity_present", 2L), new SilverMerge.Result(SilverMerge.Outcome.MERGED, 3, 1, 2),
            Map.of("GBP", List.of("2026-03-01"), "AUD", List.of()),
            List.of(new DatasetRules.Outcome("max_quarantine_ratio", true, "0.444", "at most 0.5")),
            "2026-12-02T04:00:00Z");

    @Test
    void table_showsEveryFigureOfTheReport_underItsLabel() {
        String table = RunReportFormat.table(REPORT);

        assertThat(table.lines().map(String::strip)).contains(
                "run                          run-7",
                "file                         shop/incoming/d.csv (feed shop, contract v1, ingestion date 2026-03-30)",
                "rows read                    9",
                "valid                      4",
                "reason conflicting_duplicate 2",
                "rule quantity_present    2",
                "duplicates collapsed       1",
                "silver                       merged",
                "corrections applied        1",
                "customers touched          2",
                "fx AUD                       no conversion (AUD)",
                "fx GBP                       rates of 2026-03-01",
                "extra columns                Channel",
                "rule max_quarantine_ratio    pass: 0.444 (at most 0.5)");
    }

    @Test
    void json_isTheReportAsTheLakeHoldsIt_andReadsBackEqual() throws Exception {
        String json = RunReportFormat.json(REPORT);

        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, IngestionAudit.class))
                .isEqualTo(REPORT);
    }
}
