package com.c360.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The deployable files the local runtime reads from the repository, exactly where CDK reads them. */
public record RepoLayout(Path root) {
    public static final String ROOT_PROPERTY = "c360.repo";

    /** {@code -Dc360.repo} (set by the launcher), else the nearest directory up from here holding the ASL file. */
    public static RepoLayout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null) {
            return new RepoLayout(Path.of(configured).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            RepoLayout candidate = new RepoLayout(dir);
            if (Files.isRegularFile(candidate.stateMachineDefinition())) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the c360 repository (statemachine/c360-pipeline.asl.json) above "
                + Path.of("").toAbsolutePath() + "; set -D" + ROOT_PROPERTY);
    }

    public Path stateMachineDefinition() {
        return root.resolve("statemachine/c360-pipeline.asl.json");
    }

    public Path defaultFxRates() {
        return root.resolve("glue-jobs/reference/fx_rates_aud.csv");
    }

    /** The shipped feed contracts; CDK deploys the same folder. */
    public Path feeds() {
        return root.resolve("feeds");
    }
}
