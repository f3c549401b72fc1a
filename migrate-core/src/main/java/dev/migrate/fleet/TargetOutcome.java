package dev.migrate.fleet;

import java.time.Duration;

/** What an operation did on one target of a fleet: done with its value, failed with its one-line message, or not started. */
public sealed interface TargetOutcome<T> {

    String target();

    /** The line that says how this target fared, starting with its name. */
    String describe();

    record Done<T>(String target, T value, Duration took) implements TargetOutcome<T> {
        @Override
        public String describe() {
            return target + ": done in " + took.toMillis() + " ms";
        }
    }

    /** {@code message} is the engine's own line (what failed, where: file and line, what to do), without the target's name. */
    record Failed<T>(String target, String message, RuntimeException cause) implements TargetOutcome<T> {
        @Override
        public String describe() {
            return target + ": " + message;
        }
    }

    /** Left alone: the fleet stopped starting targets after an earlier one failed ({@link Fleet.OnFailure#STOP}). */
    record NotStarted<T>(String target, String reason) implements TargetOutcome<T> {
        @Override
        public String describe() {
            return target + ": not started (" + reason + ")";
        }
    }
}
