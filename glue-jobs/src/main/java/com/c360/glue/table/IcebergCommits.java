package com.c360.glue.table;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole read-compute-commit again when another writer committed first. Iceberg retries a commit whose files do
 * not overlap by itself; a MERGE that read rows another run has since rewritten fails validation instead, and only
 * re-running it against the new snapshot is right. Backoff is exponential with full jitter, so runs that collided do
 * not collide again in lockstep.
 */
public final class IcebergCommits {
    private static final Logger LOG = LoggerFactory.getLogger(IcebergCommits.class);
    static final int MAX_ATTEMPTS = 20;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private IcebergCommits() {
    }

    /**
     * @param attempt one whole attempt; it must re-read what it depends on, and may return early when it finds its
     *     work already committed (a commit whose outcome was unknown may have landed)
     * @throws ConcurrentCommitException after {@link #MAX_ATTEMPTS} conflicting attempts
     */
    public static <T> T retryingConflicts(String what, Supplier<T> attempt) {
        return retryingConflicts(what, attempt, IcebergCommits::sleep);
    }

    /**
     * {@link #retryingConflicts(String, Supplier)}, waiting out each backoff with {@code sleep}, so tests run every
     * attempt without the real waits.
     */
    static <T> T retryingConflicts(String what, Supplier<T> attempt, Consumer<Duration> sleep) {
        RuntimeException last = null;
        for (int attemptNumber = 1; attemptNumber <= MAX_ATTEMPTS; attemptNumber++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                Optional<RuntimeException> conflict = conflictIn(e);
                if (conflict.isEmpty()) {
                    throw e;
                }
                last = e;
                if (attemptNumber == MAX_ATTEMPTS) {
                    // No attempt follows: waiting would only delay the failure.
                    break;
                }
                Duration backoff = backoff(attemptNumber);
                LOG.info("{}: concurrent commit ({}), attempt {} of {}, again in {} ms", what,
                        conflict.get().getClass().getSimpleName(), attemptNumber, MAX_ATTEMPTS, backoff.toMillis());
                sleep.accept(backoff);
            }
        }
        throw new ConcurrentCommitException(what + " still conflicted with other commits after " + MAX_ATTEMPTS
                + " attempts", last);
    }

    /** Spark wraps what Iceberg throws; the cause chain tells a lost race from a real failure. */
    static Optional<RuntimeException> conflictIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ValidationException || cause instanceof CommitFailedException
                    || cause instanceof CommitStateUnknownException) {
                return Optional.of((RuntimeException) cause);
            }
        }
        return Optional.empty();
    }

    static Duration backoff(int attemptNumber) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attemptNumber - 1, 10));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(FIRST_BACKOFF.toMillis(), ceiling + 1));
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a commit", e);
        }
    }
}
