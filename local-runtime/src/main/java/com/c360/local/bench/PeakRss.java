package com.c360.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** A process's peak resident set size, as Linux keeps it ({@code VmHWM} in /proc/PID/status). */
public final class PeakRss {
    static final String FIELD = "VmHWM:";
    private static final Path THIS_PROCESS = Path.of("/proc/self/status");
    private static final long BYTES_PER_KIB = 1024;

    private PeakRss() {
    }

    /** This process's peak so far; empty where /proc is not Linux's. */
    public static OptionalLong ofThisProcess() {
        try {
            return parse(Files.readAllLines(THIS_PROCESS));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The peak in bytes from a status file's lines (or any output holding its {@code VmHWM:} line). */
    public static OptionalLong parse(List<String> lines) {
        return lines.stream()
                .filter(line -> line.startsWith(FIELD))
                .map(line -> line.substring(FIELD.length()).trim().split("\\s+"))
                .filter(parts -> parts.length == 2 && parts[1].equals("kB") && parts[0].matches("\\d+"))
                .mapToLong(parts -> Long.parseLong(parts[0]) * BYTES_PER_KIB)
                .findFirst();
    }
}
