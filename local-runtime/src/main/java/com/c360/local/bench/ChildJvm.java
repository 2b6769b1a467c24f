package com.c360.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a fresh JVM and returns what it printed; a child that fails or hangs fails the benchmark. */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> run(List<String> jvmOptions, String classpath, String mainClass, List<String> args,
            Map<String, String> environment, long timeoutSeconds) {
        return run(List.of(), jvmOptions, classpath, mainClass, args, environment, timeoutSeconds);
    }

    /** @param launcher what the java command runs under, e.g. {@link #onFirstCpus} */
    static List<String> run(List<String> launcher, List<String> jvmOptions, String classpath, String mainClass,
            List<String> args, Map<String, String> environment, long timeoutSeconds) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // No child of a benchmark may reach a real AWS account with the caller's credentials or endpoints.
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            // Read while it runs, so a chatty child cannot block on a full pipe; the timeout bounds a hung one.
            ProcessOutput output = new ProcessOutput(process);
            output.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ChildJvmException(mainClass + " did not finish within " + timeoutSeconds + " s", output.text());
            }
            output.join();
            if (process.exitValue() != 0) {
                throw new ChildJvmException(mainClass + " exited with " + process.exitValue(), output.text());
            }
            return output.text().lines().toList();
        } catch (IOException e) {
            throw new ChildJvmException("could not start " + mainClass + ": " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildJvmException("interrupted while waiting for " + mainClass, "");
        }
    }

    /**
     * A launcher confining the child and all its threads (JIT and GC included) to the machine's first {@code cpus}
     * CPUs, so that the JVM, which sizes its own threads by the CPUs it may use, runs as on a machine of that size.
     * Empty where {@code taskset} is missing: the child then runs unconfined.
     */
    static List<String> onFirstCpus(int cpus) {
        Path taskset = Path.of("/usr/bin/taskset");
        return Files.isExecutable(taskset) ? List.of(taskset.toString(), "--cpu-list", "0-" + (cpus - 1)) : List.of();
    }

    /** The first printed line starting with {@code prefix}, without it. */
    static String line(List<String> output, String prefix) {
        return output.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new ChildJvmException("no line starting " + prefix,
                        String.join("\n", output)));
    }

    private static final class ProcessOutput extends Thread {
        private final Process process;
        private volatile String text = "";

        ProcessOutput(Process process) {
            this.process = process;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "(output unreadable: " + e.getMessage() + ")";
            }
        }

        String text() {
            return text;
        }
    }
}
