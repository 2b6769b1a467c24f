package com.c360.local.aws;

import java.util.concurrent.TimeUnit;

/** A stand-in Glue job main class whose runs stay in progress until the test releases them, counted as they run. */
public final class BlockingGlueJob {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Object LOCK = new Object();
    private static int running;
    private static int started;
    private static int mostAtOnce;
    private static boolean released;

    private BlockingGlueJob() {
    }

    public static void main(String[] args) throws InterruptedException {
        synchronized (LOCK) {
            running++;
            started++;
            mostAtOnce = Math.max(mostAtOnce, running);
            LOCK.notifyAll();
            try {
                if (!await(() -> released)) {
                    throw new IllegalStateException("the test never released this run");
                }
            } finally {
                running--;
            }
        }
    }

    static void reset() {
        synchronized (LOCK) {
            running = 0;
            started = 0;
            mostAtOnce = 0;
            released = false;
        }
    }

    /** Waits until {@code runs} runs are in progress at once; false when they are not within ten seconds. */
    static boolean awaitRunning(int runs) throws InterruptedException {
        synchronized (LOCK) {
            return await(() -> running >= runs);
        }
    }

    /** Lets every run in progress, and every later one, end. */
    static void releaseAll() {
        synchronized (LOCK) {
            released = true;
            LOCK.notifyAll();
        }
    }

    static int started() {
        synchronized (LOCK) {
            return started;
        }
    }

    static int mostAtOnce() {
        synchronized (LOCK) {
            return mostAtOnce;
        }
    }

    private interface Condition {
        boolean holds();
    }

    /** Called holding the lock. */
    private static boolean await(Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.holds()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(LOCK, left);
        }
        return true;
    }
}
