package com.c360.local.asl;

import java.time.Duration;

/** Waits for Retry intervals and Wait states; a seam so tests can record delays instead of waiting them out. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  static Sleeper threadSleep() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
