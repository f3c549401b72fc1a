package dev.migrate.runtime;

import java.time.Duration;

/**
 * The wait between two tries of a migration lock: pauses that double from a first one up to a ceiling, until
 * the lock timeout has run out. Both locks poll rather than block, so that the wait is logged and bounded.
 */
final class LockWait {

    private final long deadline;
    private final long ceilingMillis;
    private long pauseMillis;

    LockWait(Duration timeout, long firstPauseMillis, long ceilingMillis) {
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.pauseMillis = firstPauseMillis;
        this.ceilingMillis = ceilingMillis;
    }

    /** Whether the lock timeout has run out. */
    boolean expired() {
        return System.nanoTime() > deadline;
    }

    /** Sleeps for the current pause, and doubles the next one up to the ceiling. */
    void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock", e);
        }
        pauseMillis = Math.min(pauseMillis * 2, ceilingMillis);
    }
}
