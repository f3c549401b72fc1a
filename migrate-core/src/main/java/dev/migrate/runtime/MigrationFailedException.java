package dev.migrate.runtime;

import java.util.List;

/**
 * A revision failed while running. The message is one line: which revision, where (file and line of the
 * statement), the database's own error, what state the database is left in, and what to do.
 */
public final class MigrationFailedException extends RuntimeException {

    private final String revision;
    private final String location;
    private final int line;
    private final List<String> headsAfter;
    private final String callback;

    public MigrationFailedException(String message, String revision, String location, int line,
                                    List<String> headsAfter, Throwable cause) {
        this(message, revision, location, line, headsAfter, null, cause);
    }

    /** {@code callback}: the {@link MigrationCallback} that failed ({@code com.acme.Grants (afterRevision)}), else null. */
    public MigrationFailedException(String message, String revision, String location, int line,
                                    List<String> headsAfter, String callback, Throwable cause) {
        super(message, cause);
        this.callback = callback;
        this.revision = revision;
        this.location = location;
        this.line = line;
        this.headsAfter = List.copyOf(headsAfter);
    }

    public String revision() {
        return revision;
    }

    public String location() {
        return location;
    }

    /** The 1-based line of the failing statement in its script, or 0 when not known (Java migrations). */
    public int line() {
        return line;
    }

    /** The callback that failed, as {@code com.acme.Grants (afterRevision)}; empty when a statement failed. */
    public java.util.Optional<String> callback() {
        return java.util.Optional.ofNullable(callback);
    }

    /** The version-table heads after the failure. */
    public List<String> headsAfter() {
        return headsAfter;
    }
}
