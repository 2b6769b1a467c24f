package com.c360.local.cli;

import com.c360.glue.LocalSpark;

/** What a benchmark's numbers depend on besides the code: the JVM's cores and heap, Java, and Spark's threads. */
record MachineFacts(int cores, long maxHeapBytes, String javaVersion, String sparkMaster) {

    static MachineFacts current() {
        Runtime runtime = Runtime.getRuntime();
        return new MachineFacts(runtime.availableProcessors(), runtime.maxMemory(), Runtime.version().toString(),
                LocalSpark.MASTER);
    }
}
