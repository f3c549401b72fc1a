package dev.migrate.runtime;

/** A repeatable script that a run applied (or, offline, rendered), with its description and how long it took. */
public record AppliedRepeatable(String name, String message, String location, long durationMillis) {

    /** The progress line, as Alembic's for revisions: {@code Running repeatable <name>, <message>}. */
    public String describe() {
        return StepListener.describeRepeatable(name, message);
    }
}
