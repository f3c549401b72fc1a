package dev.migrate.runtime;

import dev.migrate.graph.Step;

/**
 * Told as each revision starts, so a front end can show progress during a long run, with Alembic's line
 * ({@code Running upgrade a -> b, message}) before the revision's statements run.
 */
@FunctionalInterface
public interface StepListener {

    StepListener NONE = (step, message) -> { };

    void starting(Step step, String message);

    /** Told as a repeatable script starts, after the revisions of an upgrade to head; nothing by default. */
    default void startingRepeatable(String name, String message) {
    }

    /** Alembic's log line for a step. */
    static String describe(Step step, String message) {
        return "Running " + step.direction().label() + " " + step.arrow() + ", " + message;
    }

    /** The line for a repeatable script: {@code Running repeatable <name>, <message>}. */
    static String describeRepeatable(String name, String message) {
        return "Running " + LogEntry.REPEATABLE + " " + name + ", " + message;
    }
}
