package com.c360.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the app deploys, which are the same files the local runtime executes. Located from the repository root, so
 * the app works whether it runs from {@code cdk/} (the CLI, the tests) or from the root.
 */
public final class Artifacts {
    /** Overrides the search for the repository root. */
    public static final String REPO_ROOT_PROPERTY = "c360.repoRoot";
    static final String BUILD_FIRST = "build them first from the repository root: "
            + "mvn -B package -DskipTests -pl glue-jobs,lambdas -am (cdk/app.sh does it for cdk synth and deploy)";

    private static final Path MARKER = Path.of("statemachine", "c360-pipeline.asl.json");

    private final Path repoRoot;

    private Artifacts(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    /** Finds the repository root and checks every artifact is there, naming all missing ones at once. */
    public static Artifacts locate() {
        String override = System.getProperty(REPO_ROOT_PROPERTY);
        Path start = Path.of(override != null ? override : System.getProperty("user.dir")).toAbsolutePath();
        return at(findRepoRoot(start));
    }

    static Artifacts at(Path repoRoot) {
        Artifacts artifacts = new Artifacts(repoRoot.toAbsolutePath().normalize());
        artifacts.verify();
        return artifacts;
    }

    private static Path findRepoRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new MissingArtifactException("No c360 repository (a directory with " + MARKER + ") at or above "
                + start + "; run the app from the repository or set -D" + REPO_ROOT_PROPERTY);
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** The shaded jar with the three Glue job classes. */
    public Path glueJobsJar() {
        return repoRoot.resolve("glue-jobs/target/c360-glue-jobs.jar");
    }

    /** The shaded jar the upsert and migration handlers deploy, with the {@code sql/} migrations. */
    public Path lambdasJar() {
        return repoRoot.resolve("lambdas/target/c360-lambdas.jar");
    }

    /** The trigger handler's own shaded jar: no database driver, Flyway, Secrets Manager or metrics. */
    public Path triggerJar() {
        return repoRoot.resolve("lambdas/target/c360-trigger.jar");
    }

    public Path stateMachineDefinition() {
        return repoRoot.resolve(MARKER);
    }

    /** Deployed as a whole to the reference bucket; holds the default FX table. */
    public Path referenceDirectory() {
        return repoRoot.resolve("glue-jobs/reference");
    }

    /** Deployed as a whole to the reference bucket: one contract file per feed. */
    public Path feedsDirectory() {
        return repoRoot.resolve("feeds");
    }

    public static String fxTableFileName() {
        return "fx_rates_aud.csv";
    }

    public Path sqlDirectory() {
        return repoRoot.resolve("sql");
    }

    /** The script location a Scala-language Glue job requires; the job itself is {@code --class} in the jar. */
    public Path glueEntrypointScript() {
        return repoRoot.resolve("cdk/glue/c360-entrypoint.scala");
    }

    /**
     * A digest of the migration files, so the migration custom resource updates (and so migrates) whenever a
     * migration is added or changed, and stays untouched otherwise.
     */
    public String migrationsDigest() {
        try (Stream<Path> files = Files.list(sqlDirectory())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V.*\\.sql")).sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private void verify() {
        List<String> missing = new ArrayList<>();
        List<String> unbuilt = new ArrayList<>();
        for (Path jar : List.of(glueJobsJar(), lambdasJar(), triggerJar())) {
            if (!Files.isRegularFile(jar)) {
                unbuilt.add(repoRoot.relativize(jar).toString());
            }
        }
        for (Path file : List.of(stateMachineDefinition(), referenceDirectory().resolve(fxTableFileName()),
                glueEntrypointScript())) {
            if (!Files.isRegularFile(file)) {
                missing.add(repoRoot.relativize(file).toString());
            }
        }
        for (Path directory : List.of(sqlDirectory(), feedsDirectory())) {
            if (!Files.isDirectory(directory)) {
                missing.add(repoRoot.relativize(directory) + "/");
            }
        }
        if (!unbuilt.isEmpty() || !missing.isEmpty()) {
            StringBuilder message = new StringBuilder("Cannot synthesize c360:");
            if (!unbuilt.isEmpty()) {
                message.append(" jar(s) not built ").append(unbuilt).append(" — ").append(BUILD_FIRST).append('.');
            }
            if (!missing.isEmpty()) {
                message.append(" missing file(s) ").append(missing).append(" under ").append(repoRoot).append('.');
            }
            throw new MissingArtifactException(message.toString());
        }
    }
}
