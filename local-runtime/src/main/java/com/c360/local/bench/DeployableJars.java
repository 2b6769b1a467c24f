package com.c360.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The jars CDK deploys, where the build leaves them in the repository, and their sizes. */
public final class DeployableJars {
    public static final String GLUE_JOBS = "glue-jobs/target/c360-glue-jobs.jar";
    public static final String LAMBDAS = "lambdas/target/c360-lambdas.jar";
    public static final String TRIGGER = "lambdas/target/c360-trigger.jar";

    private DeployableJars() {
    }

    /** Each jar's size in bytes by its file name; empty for one not built. */
    public static Map<String, OptionalLong> sizes(Path repoRoot) {
        Map<String, OptionalLong> sizes = new LinkedHashMap<>();
        for (String jar : new String[] {GLUE_JOBS, LAMBDAS, TRIGGER}) {
            Path file = repoRoot.resolve(jar);
            OptionalLong size;
            try {
                size = Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
            } catch (IOException e) {
                size = OptionalLong.empty();
            }
            sizes.put(file.getFileName().toString(), size);
        }
        return sizes;
    }
}
