package com.c360.glue.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IcebergCommitsTest {
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    static Stream<RuntimeException> conflicts() {
        return Stream.of(
                new ValidationException("Found conflicting files that can contain records matching %s", "true"),
                new CommitFailedException("Cannot commit: stale metadata"),
                new CommitStateUnknownException(new RuntimeException("connection reset")));
    }

    /** How Spark hands an Iceberg failure to the job: wrapped, sometimes twice. */
    private static RuntimeException wrappedAsSparkDoes(RuntimeException conflict) {
        return new IllegalStateException("Job aborted", new RuntimeException("Task failed", conflict));
    }

    private <T> Supplier<T> failingTimesThenReturning(int failures, RuntimeException failure, T result) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw failure;
            }
            return result;
        };
    }

    @ParameterizedTest
    @MethodSource("conflicts")
    void conflictWrappedInCauses_isRetried_untilTheThirdAttemptCommits(RuntimeException conflict) {
        String result = IcebergCommits.retryingConflicts("test MERGE",
                failingTimesThenReturning(2, wrappedAsSparkDoes(conflict), "committed"), waits::add);

        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void failureWithoutAConflictInItsCauses_propagatesAtOnce_withoutWaiting() {
        RuntimeException broken = new IllegalStateException("Job aborted",
                new IllegalArgumentException("Cannot parse column"));

        assertThatThrownBy(() -> IcebergCommits.retryingConflicts("test MERGE",
                failingTimesThenReturning(1, broken, "committed"), waits::add))
                .isSameAs(broken);
        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void conflictOnEveryAttempt_givesUpAfterMaxAttempts_withTheLastConflictAsCause() {
        RuntimeException conflict = wrappedAsSparkDoes(new ValidationException("Found conflicting files"));

        assertThatThrownBy(() -> IcebergCommits.retryingConflicts("gold MERGE of run r1",
                failingTimesThenReturning(Integer.MAX_VALUE, conflict, "never"), waits::add))
                .isInstanceOf(ConcurrentCommitException.class)
                .hasMessage("gold MERGE of run r1 still conflicted with other commits after "
                        + IcebergCommits.MAX_ATTEMPTS + " attempts")
                .hasCause(conflict);
        assertThat(attempts).hasValue(IcebergCommits.MAX_ATTEMPTS);
        assertThat(waits).as("no wait after the last attempt").hasSize(IcebergCommits.MAX_ATTEMPTS - 1);
    }

    @Test
    void backoff_startsAt200Ms_growsWithTheAttempt_andIsCappedAt5s() {
        assertThat(IcebergCommits.backoff(1)).isEqualTo(Duration.ofMillis(200));
        for (int attempt = 1; attempt <= IcebergCommits.MAX_ATTEMPTS; attempt++) {
            long ceiling = Math.min(5000, 200L << (attempt - 1));
            for (int draw = 0; draw < 50; draw++) {
                assertThat(IcebergCommits.backoff(attempt).toMillis()).as("attempt %d", attempt)
                        .isBetween(200L, ceiling);
            }
        }
    }

    @Test
    void conflictIn_findsTheIcebergConflict_notTheWrapper() {
        ValidationException conflict = new ValidationException("Found conflicting files");

        assertThat(IcebergCommits.conflictIn(wrappedAsSparkDoes(conflict))).containsSame(conflict);
        assertThat(IcebergCommits.conflictIn(new RuntimeException(new IllegalStateException()))).isEmpty();
    }
}
