package com.c360.local.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The commit a benchmark ran, so results can be compared across changes. */
public final class GitCommit {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final long TIMEOUT_SECONDS = 10;

    private GitCommit() {
    }

    /** {@code git rev-parse HEAD} in {@code directory}; empty when git is missing or it is not inside a repository. */
    public static Optional<String> head(Path directory) {
        ProcessBuilder command = new ProcessBuilder("git", "rev-parse", "HEAD")
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process git = command.start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 && OBJECT_ID.matcher(output).matches() ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
