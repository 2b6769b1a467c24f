package com.c360.local.machine;

import com.c360.local.LocalSpark;
import java.lang.management.ManagementFactory;

/**
 * What a benchmark's numbers depend on besides the code: the JVM's cores, the machine's memory, the JVM's heap, Java,
 * and Spark's threads.
 */
public record MachineFacts(int cores, long memoryBytes, long maxHeapBytes, String javaVersion, String sparkMaster) {

    /** This JVM, with local Spark on {@code sparkCores} worker threads. */
    public static MachineFacts current(int sparkCores) {
        Runtime runtime = Runtime.getRuntime();
        long memory = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
        return new MachineFacts(runtime.availableProcessors(), memory, runtime.maxMemory(),
                Runtime.version().toString(), LocalSpark.master(sparkCores));
    }
}
