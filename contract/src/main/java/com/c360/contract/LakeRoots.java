package com.c360.contract;

import static com.c360.contract.JobArgument.AUDIT_ROOT;
import static com.c360.contract.JobArgument.BRONZE_ROOT;
import static com.c360.contract.JobArgument.FEEDS_PATH;
import static com.c360.contract.JobArgument.FX_PATH;
import static com.c360.contract.JobArgument.GOLD_ROOT;
import static com.c360.contract.JobArgument.QUARANTINE_ROOT;
import static com.c360.contract.JobArgument.SILVER_ROOT;

import java.util.Map;

/**
 * Where the lake's layers, the FX table and the feed contracts are: the default arguments every job gets, from CDK on AWS and from the
 * local runtime locally. Values are URIs ({@code s3://bucket[/prefix]}, {@code file:/...}); CDK's are tokens until
 * deploy.
 */
public record LakeRoots(String bronzeRoot, String silverRoot, String goldRoot, String quarantineRoot,
        String auditRoot, String fxPath, String feedsPath) {

    /** The same roots with another FX table. */
    public LakeRoots withFxPath(String otherFxPath) {
        return new LakeRoots(bronzeRoot, silverRoot, goldRoot, quarantineRoot, auditRoot, otherFxPath, feedsPath);
    }

    public Map<String, String> toGlueArguments() {
        return new JobArguments.Renderer()
                .put(BRONZE_ROOT, bronzeRoot)
                .put(SILVER_ROOT, silverRoot)
                .put(GOLD_ROOT, goldRoot)
                .put(QUARANTINE_ROOT, quarantineRoot)
                .put(AUDIT_ROOT, auditRoot)
                .put(FX_PATH, fxPath)
                .put(FEEDS_PATH, feedsPath)
                .build();
    }
}
