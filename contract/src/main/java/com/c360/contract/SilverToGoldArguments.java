package com.c360.contract;

import static com.c360.contract.JobArgument.GOLD_ROOT;
import static com.c360.contract.JobArgument.INGESTION_DATE;
import static com.c360.contract.JobArgument.RUN_ID;
import static com.c360.contract.JobArgument.SILVER_ROOT;
import static com.c360.contract.JobArgument.SOURCE_KEY;
import static com.c360.contract.JobArgument.UPLOAD_ORDER;

import java.time.LocalDate;
import java.util.Map;

/** silver→gold's arguments: the upload whose silver commit it follows up, by key and upload order. */
public record SilverToGoldArguments(String runId, LocalDate ingestionDate, String sourceKey, String uploadOrder,
        String silverRoot, String goldRoot, TableCatalog catalog) {

    public static SilverToGoldArguments parse(String... args) {
        return from(JobArguments.parse(args));
    }

    public static SilverToGoldArguments from(JobArguments args) {
        return new SilverToGoldArguments(args.required(RUN_ID), args.requiredDate(INGESTION_DATE.key()),
                args.required(SOURCE_KEY), args.required(UPLOAD_ORDER), args.required(SILVER_ROOT),
                args.required(GOLD_ROOT), TableCatalog.from(args));
    }

    public Map<String, String> toGlueArguments() {
        return new JobArguments.Renderer().put(RUN_ID, runId).put(INGESTION_DATE, ingestionDate)
                .put(SOURCE_KEY, sourceKey).put(UPLOAD_ORDER, uploadOrder)
                .put(SILVER_ROOT, silverRoot).put(GOLD_ROOT, goldRoot).putAll(catalog.toGlueArguments()).build();
    }
}
