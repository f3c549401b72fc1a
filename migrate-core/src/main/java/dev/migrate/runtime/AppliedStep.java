package dev.migrate.runtime;

import dev.migrate.graph.Step;

/** A step that ran (or, offline, was rendered), with the script's message and how long it took. */
public record AppliedStep(Step step, String message, long durationMillis) {

    /** Alembic's log line: {@code Running upgrade a -> b, message}. */
    public String describe() {
        return StepListener.describe(step, message);
    }
}
