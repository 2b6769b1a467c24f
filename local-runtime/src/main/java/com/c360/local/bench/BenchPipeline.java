package com.c360.local.bench;

import com.c360.local.Ingestor;
import java.nio.file.Path;

/** The pipeline {@code bench} times, in a home of its own: {@link LocalBenchPipeline}, or a fake in tests. */
public interface BenchPipeline extends Ingestor, AutoCloseable {

    /** What the summary table lives in: {@code embedded} (in the bench home) or {@code external} (C360_DB_URL). */
    String database();

    /** Starts what the first job would otherwise start (Spark), so the stage times cover the jobs' work. */
    void warmUp();

    @Override
    void close();

    @FunctionalInterface
    interface Opener {
        BenchPipeline open(Path home);
    }
}
