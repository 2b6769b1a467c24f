package com.c360.contract;

import static com.c360.contract.JobArgument.GOLD_ROOT;
import static com.c360.contract.JobArgument.INGESTION_DATE;
import static com.c360.contract.JobArgument.RUN_ID;

import java.time.LocalDate;
import java.util.Map;

/** gold→RDS's arguments; its {@code toString} never shows a password. */
public record GoldToRdsArguments(String runId, LocalDate ingestionDate, String goldRoot, DatabaseArguments database) {

    public static GoldToRdsArguments parse(String... args) {
        return from(JobArguments.parse(args));
    }

    public static GoldToRdsArguments from(JobArguments args) {
        return new GoldToRdsArguments(args.required(RUN_ID), args.requiredDate(INGESTION_DATE.key()),
                args.required(GOLD_ROOT), DatabaseArguments.from(args));
    }

    public Map<String, String> toGlueArguments() {
        return new JobArguments.Renderer().put(RUN_ID, runId).put(INGESTION_DATE, ingestionDate)
                .put(GOLD_ROOT, goldRoot).putAll(database.toGlueArguments()).build();
    }
}
