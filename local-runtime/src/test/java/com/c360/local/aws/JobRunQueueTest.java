package com.c360.local.aws;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.GlueJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobRunQueueTest {
    /** How long a take that should wait is given to show it does not; a queue that fails lets it in well within. */
    private static final long SETTLE_MILLIS = 300;

    @ParameterizedTest
    @EnumSource(GlueJob.class)
    void deployedJob_runsItsMaxConcurrentRunsAtOnce_andQueuesTheNext(GlueJob job) throws Exception {
        JobRunQueue queue = JobRunQueue.forJobs("c360-dev");
        String jobName = job.jobName("c360-dev");
        List<JobRunQueue.Slot> slots = new ArrayList<>();
        for (int i = 0; i < job.maxConcurrentRuns(); i++) {
            slots.add(queue.take(jobName));
        }
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<JobRunQueue.Slot> next = thread.submit(() -> queue.take(jobName));
            Thread.sleep(SETTLE_MILLIS);
            assertThat(next).as("a run past the limit").isNotDone();

            slots.get(0).close();

            assertThat(next.get(10, SECONDS)).isNotNull();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void jobWithoutAQueue_isAWiringBug() {
        assertThatThrownBy(() -> JobRunQueue.forJobs("c360-dev").take("c360-prod-silver-to-gold"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c360-prod-silver-to-gold");
    }
}
