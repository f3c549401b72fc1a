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

    /** Alembic's log line for a step. */
    static String describe(Step step, String message) {
        return "Running " + step.direction().label() + " " + step.arrow() + ", " + message;
    }
}
