package com.c360.local.machine;

import com.c360.local.LocalSpark;

/** What a benchmark's numbers depend on besides the code: the JVM's cores and heap, Java, and Spark's threads. */
public record MachineFacts(int cores, long maxHeapBytes, String javaVersion, String sparkMaster) {

    /** This JVM, with local Spark on {@code sparkCores} worker threads. */
    public static MachineFacts current(int sparkCores) {
        Runtime runtime = Runtime.getRuntime();
        return new MachineFacts(runtime.availableProcessors(), runtime.maxMemory(), Runtime.version().toString(),
                LocalSpark.master(sparkCores));
    }
}
