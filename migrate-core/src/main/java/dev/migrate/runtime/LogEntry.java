package dev.migrate.runtime;

import dev.migrate.graph.Direction;

import java.time.Instant;

/**
 * One row of the append-only migration log: which revision ran which way, the checksum of what ran,
 * when, for how long, by whom, and whether it succeeded (with the database's error when it did not).
 * {@code direction} is {@code upgrade}, {@code downgrade} or {@code stamp}.
 */
public record LogEntry(String revision, String direction, String message, String checksum, Instant startedAt,
                       long durationMillis, String installedBy, boolean success, String error) {

    public static String directionOf(Direction direction) {
        return direction.label();
    }
}
