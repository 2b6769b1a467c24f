package com.c360.cdk;

import java.util.Map;

/**
 * The lake roots the Glue jobs receive as default arguments (names as in the shared job-argument contract). Values
 * are {@code s3://bucket[/prefix]} URIs, tokens until deploy.
 */
public record LakeLocations(
        String bronzeRoot, String silverRoot, String goldRoot, String quarantineRoot, String auditRoot,
        String fxPath) {

    public Map<String, String> asJobArguments() {
        return Map.of(
                "--bronze_root", bronzeRoot,
                "--silver_root", silverRoot,
                "--gold_root", goldRoot,
                "--quarantine_root", quarantineRoot,
                "--audit_root", auditRoot,
                "--fx_path", fxPath);
    }
}
