package com.c360.local.asl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One entry of a Task's Retry list. */
record Retrier(
    List<String> errorEquals,
    int intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Optional<Integer> maxDelaySeconds) {

  static final int DEFAULT_INTERVAL_SECONDS = 1;
  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final double DEFAULT_BACKOFF_RATE = 2.0;

  Retrier {
    errorEquals = List.copyOf(errorEquals);
  }

  boolean matches(String error) {
    return ErrorNames.matches(errorEquals, error);
  }

  /** The wait before retry number {@code retriesSoFar + 1}: IntervalSeconds × BackoffRate^retriesSoFar, capped. */
  Duration delayBeforeRetry(int retriesSoFar) {
    double seconds = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
    if (maxDelaySeconds.isPresent()) {
      seconds = Math.min(seconds, maxDelaySeconds.get());
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
