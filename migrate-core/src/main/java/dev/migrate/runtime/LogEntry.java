package dev.migrate.runtime;

import dev.migrate.graph.Direction;

import java.time.Instant;

/**
 * One row of the append-only migration log: which revision ran which way, the checksum of what ran,
 * when, for how long, by whom, and whether it succeeded (with the database's error when it did not).
 * {@code direction} is {@code upgrade}, {@code downgrade}, {@code stamp}, {@code repair}, {@link #DIGEST} (read by the
 * check at head alone), or {@link #REPEATABLE}: then
 * {@code revision} holds the name of a repeatable script (no revision id), so that the log tells them apart without
 * a column of its own and a log table of any earlier version holds them as it is.
 */
public record LogEntry(String revision, String direction, String message, String checksum, Instant startedAt,
                       long durationMillis, String installedBy, boolean success, String error) {

    /** The direction of a repeatable script's row (fits the log's {@code direction VARCHAR(10)}). */
    public static final String REPEATABLE = "repeatable";

    /**
     * The direction of the row that ends the log after each write of the engine: the {@link LogDigest} of what the
     * log then says is applied, in {@code checksum}. Never shown as a row of the history.
     */
    public static final String DIGEST = "digest";

    public boolean repeatable() {
        return REPEATABLE.equals(direction);
    }

    public static String directionOf(Direction direction) {
        return direction.label();
    }
}
