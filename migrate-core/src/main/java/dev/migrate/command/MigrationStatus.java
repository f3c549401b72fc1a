package dev.migrate.command;

import dev.migrate.runtime.FailedAttempt;
import dev.migrate.runtime.RepeatableState;

import java.time.Instant;
import java.util.List;

/**
 * Where a database stands, for operations (the actuator endpoint, health): its revision(s), the scripts'
 * heads, what is pending, what was applied (when, how long, with which checksum), who holds the lock,
 * drift (scripts edited after they were applied, and revisions in the database that no script knows), and
 * the revisions whose latest attempt failed (a no-transaction one may be applied in part), and the repeatable
 * scripts with their state.
 */
public record MigrationStatus(String database, List<String> currentHeads, List<String> scriptHeads,
                              List<Pending> pending, List<Applied> applied, String lockHolder,
                              List<String> editedAfterApplied, List<String> unknownInDatabase,
                              List<FailedAttempt> failedAttempts, List<Repeatable> repeatables) {

    public MigrationStatus(String database, List<String> currentHeads, List<String> scriptHeads,
                           List<Pending> pending, List<Applied> applied, String lockHolder,
                           List<String> editedAfterApplied, List<String> unknownInDatabase,
                           List<FailedAttempt> failedAttempts) {
        this(database, currentHeads, scriptHeads, pending, applied, lockHolder, editedAfterApplied, unknownInDatabase,
                failedAttempts, List.of());
    }

    public MigrationStatus(String database, List<String> currentHeads, List<String> scriptHeads,
                           List<Pending> pending, List<Applied> applied, String lockHolder,
                           List<String> editedAfterApplied, List<String> unknownInDatabase) {
        this(database, currentHeads, scriptHeads, pending, applied, lockHolder, editedAfterApplied, unknownInDatabase,
                List.of());
    }

    public MigrationStatus {
        currentHeads = List.copyOf(currentHeads);
        scriptHeads = List.copyOf(scriptHeads);
        pending = List.copyOf(pending);
        applied = List.copyOf(applied);
        editedAfterApplied = List.copyOf(editedAfterApplied);
        unknownInDatabase = List.copyOf(unknownInDatabase);
        failedAttempts = List.copyOf(failedAttempts);
        repeatables = List.copyOf(repeatables);
    }

    /** A revision the scripts have and the database has not run yet. */
    public record Pending(String revision, String message) {
    }

    /**
     * A revision the database has: from the log when this engine applied it (a database adopted from
     * Flask-Migrate has no log rows for its older revisions: those fields are then null).
     */
    public record Applied(String revision, String message, Instant appliedAt, Long durationMillis, String checksum,
                          String installedBy) {
    }

    /**
     * A repeatable script, by name, with its state against the log ({@code pending}, {@code applied}, {@code changed},
     * {@code failed}: an upgrade to head applies all but the applied ones) and its newest successful application
     * (null fields when it has none).
     */
    public record Repeatable(String name, String message, String location, RepeatableState state, Instant appliedAt,
                             Long durationMillis, String checksum) {
    }

    /** Where the revisions stand; repeatable scripts not yet applied do not count (see {@link #repeatables()}). */
    public boolean atHead() {
        return pending.isEmpty() && unknownInDatabase.isEmpty();
    }

    public boolean drifted() {
        return !editedAfterApplied.isEmpty() || !unknownInDatabase.isEmpty();
    }
}
