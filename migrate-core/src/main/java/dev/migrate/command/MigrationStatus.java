package dev.migrate.command;

import dev.migrate.runtime.FailedAttempt;

import java.time.Instant;
import java.util.List;

/**
 * Where a database stands, for operations (the actuator endpoint, health): its revision(s), the scripts'
 * heads, what is pending, what was applied (when, how long, with which checksum), who holds the lock,
 * drift (scripts edited after they were applied, and revisions in the database that no script knows), and
 * the revisions whose latest attempt failed (a no-transaction one may be applied in part).
 */
public record MigrationStatus(String database, List<String> currentHeads, List<String> scriptHeads,
                              List<Pending> pending, List<Applied> applied, String lockHolder,
                              List<String> editedAfterApplied, List<String> unknownInDatabase,
                              List<FailedAttempt> failedAttempts) {

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

    public boolean atHead() {
        return pending.isEmpty() && unknownInDatabase.isEmpty();
    }

    public boolean drifted() {
        return !editedAfterApplied.isEmpty() || !unknownInDatabase.isEmpty();
    }
}
