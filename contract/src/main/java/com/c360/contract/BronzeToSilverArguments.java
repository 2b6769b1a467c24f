package com.c360.contract;

import static com.c360.contract.JobArgument.AUDIT_ROOT;
import static com.c360.contract.JobArgument.BRONZE_ROOT;
import static com.c360.contract.JobArgument.FEEDS_PATH;
import static com.c360.contract.JobArgument.FX_PATH;
import static com.c360.contract.JobArgument.INGESTION_DATE;
import static com.c360.contract.JobArgument.METRICS_NAMESPACE;
import static com.c360.contract.JobArgument.QUARANTINE_ROOT;
import static com.c360.contract.JobArgument.RUN_ID;
import static com.c360.contract.JobArgument.SILVER_ROOT;
import static com.c360.contract.JobArgument.SOURCE_BUCKET;
import static com.c360.contract.JobArgument.SOURCE_KEY;
import static com.c360.contract.JobArgument.SOURCE_VERSION;
import static com.c360.contract.JobArgument.UPLOAD_ORDER;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * bronze→silver's arguments. {@code sourceBucket} and {@code sourceVersion} may be null (an unversioned bucket has no
 * version); without {@code metricsNamespace} the job publishes no metrics.
 */
public record BronzeToSilverArguments(String runId, LocalDate ingestionDate, String sourceBucket, String sourceKey,
        String sourceVersion, String uploadOrder, String bronzeRoot, String silverRoot, String quarantineRoot,
        String auditRoot, String fxPath, String feedsPath, TableCatalog catalog, Optional<String> metricsNamespace) {

    public static BronzeToSilverArguments parse(String... args) {
        return from(JobArguments.parse(args));
    }

    public static BronzeToSilverArguments from(JobArguments args) {
        return new BronzeToSilverArguments(args.required(RUN_ID), args.requiredDate(INGESTION_DATE.key()),
                args.orNull(SOURCE_BUCKET), args.required(SOURCE_KEY), args.orNull(SOURCE_VERSION),
                args.required(UPLOAD_ORDER), args.required(BRONZE_ROOT), args.required(SILVER_ROOT),
                args.required(QUARANTINE_ROOT), args.required(AUDIT_ROOT), args.required(FX_PATH),
                args.required(FEEDS_PATH),
                TableCatalog.from(args), args.optional(METRICS_NAMESPACE.key()));
    }

    public Map<String, String> toGlueArguments() {
        return new JobArguments.Renderer()
                .put(RUN_ID, runId).put(INGESTION_DATE, ingestionDate)
                .put(SOURCE_BUCKET, sourceBucket).put(SOURCE_KEY, sourceKey).put(SOURCE_VERSION, sourceVersion)
                .put(UPLOAD_ORDER, uploadOrder)
                .put(BRONZE_ROOT, bronzeRoot).put(SILVER_ROOT, silverRoot).put(QUARANTINE_ROOT, quarantineRoot)
                .put(AUDIT_ROOT, auditRoot).put(FX_PATH, fxPath).put(FEEDS_PATH, feedsPath).putAll(catalog.toGlueArguments())
                .put(METRICS_NAMESPACE, metricsNamespace.orElse(null))
                .build();
    }
}
