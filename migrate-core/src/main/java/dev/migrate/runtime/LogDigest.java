package dev.migrate.runtime;

import dev.migrate.script.AppliedDigest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link AppliedDigest} of what the log says is applied (each revision's recorded checksum as the drift check reads
 * it, each repeatable script's as it stands applied), which every write of the engine appends as the log's last row
 * ({@link LogEntry#DIGEST}). A start at head that finds that row newest, and equal to the digest of the scripts it
 * ships, knows without reading the rest of the log that no applied script changed and no repeatable script is due.
 * The row says so only while it is the newest: whatever is appended after it (a failure, a row of an older version of
 * this engine, offline SQL run by hand) leaves the check to read the whole log as before.
 */
final class LogDigest {

    /** The digest row's {@code revision}: no revision id or script name is a star. */
    static final String REVISION = "*";

    private LogDigest() {
    }

    /**
     * The digest of what {@code log} (every row, oldest first) says is applied; empty while a failure is unresolved,
     * which every start reports and so has to read the log for.
     */
    static Optional<String> of(List<LogEntry> log) {
        if (!FailedAttempt.unresolved(log).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> revisions = DriftCheck.recordedChecksums(log);
        return Optional.of(AppliedDigest.of(revisions, RepeatableHistory.of(log).appliedChecksums()));
    }

    /** The row that records {@code digest}, with the heads it was written at in its message for a reader of the table. */
    static LogEntry row(String digest, List<String> heads, Instant now, String installedBy) {
        return new LogEntry(REVISION, LogEntry.DIGEST, "applied scripts' digest at " + MigrationRunner.describe(heads),
                digest, now, 0, installedBy, true, null);
    }
}
