package com.c360.local.aws;

import com.c360.contract.GlueJob;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Glue job run queuing: each job runs at most its MaxConcurrentRuns at once, and a run past that waits in the job's
 * queue, first in first out, until a run ends, instead of failing with ConcurrentRunsExceededException. The limit
 * belongs to the job, not to one deployment of it, so one queue serves every {@link LocalGlueJobs} of a pipeline.
 */
public final class JobRunQueue {
    private final Map<String, Semaphore> slotsByJobName;

    /** @param maxConcurrentRunsByJobName the deployed job names, each with its MaxConcurrentRuns */
    JobRunQueue(Map<String, Integer> maxConcurrentRunsByJobName) {
        // Fair, so a waiting run gets the next free slot before any run that asked after it, as in Glue's queue.
        this.slotsByJobName = maxConcurrentRunsByJobName.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, job -> new Semaphore(job.getValue(), true)));
    }

    /** The jobs deployed for {@code prefix}, each with its {@link GlueJob#maxConcurrentRuns()}. */
    public static JobRunQueue forJobs(String prefix) {
        return new JobRunQueue(Arrays.stream(GlueJob.values())
                .collect(Collectors.toMap(job -> job.jobName(prefix), GlueJob::maxConcurrentRuns)));
    }

    /**
     * Waits until {@code jobName} has a free slot and takes it; closing the returned slot frees it for the next run.
     *
     * @throws IllegalArgumentException when the queue has no such job, a wiring bug
     */
    Slot take(String jobName) throws InterruptedException {
        Semaphore slots = slotsByJobName.get(jobName);
        if (slots == null) {
            throw new IllegalArgumentException("No run queue for Glue job " + jobName);
        }
        slots.acquire();
        return slots::release;
    }

    /** One run's place among the job's concurrent runs. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
