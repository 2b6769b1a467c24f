package com.c360.contract;

import static com.c360.contract.JobArgument.GOLD_ROOT;
import static com.c360.contract.JobArgument.INGESTION_DATE;
import static com.c360.contract.JobArgument.RUN_ID;
import static com.c360.contract.JobArgument.SILVER_ROOT;

import java.time.LocalDate;
import java.util.Map;

/** silver→gold's arguments. */
public record SilverToGoldArguments(String runId, LocalDate ingestionDate, String silverRoot, String goldRoot,
        TableCatalog catalog) {

    public static SilverToGoldArguments parse(String... args) {
        return from(JobArguments.parse(args));
    }

    public static SilverToGoldArguments from(JobArguments args) {
        return new SilverToGoldArguments(args.required(RUN_ID), args.requiredDate(INGESTION_DATE.key()),
                args.required(SILVER_ROOT), args.required(GOLD_ROOT), TableCatalog.from(args));
    }

    public Map<String, String> toGlueArguments() {
        return new JobArguments.Renderer().put(RUN_ID, runId).put(INGESTION_DATE, ingestionDate)
                .put(SILVER_ROOT, silverRoot).put(GOLD_ROOT, goldRoot).putAll(catalog.toGlueArguments()).build();
    }
}
