package dev.migrate.runtime;

import java.time.Instant;

/**
 * An applied revision whose script is no longer what ran: the checksum the log recorded when it was applied
 * (or last repaired), and the checksum of the script as it is now.
 */
public record ChangedScript(String revision, String location, String message, String recordedChecksum,
                            String currentChecksum) {

    /** What {@code repair} appends: the script as it is now, accepted as what the database has. */
    LogEntry repairEntry(Instant at, String installedBy) {
        return new LogEntry(revision, DriftCheck.REPAIR, message, currentChecksum, at, 0, installedBy, true, null);
    }
}
