package dev.migrate.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What the database says about its migrations, read in one go: the version-table heads, the log, and
 * who holds the migration lock (PostgreSQL: the holding session and what it runs; SQLite: that a run holds
 * the lock file), empty when nobody does.
 */
public record DatabaseState(String dialect, List<String> heads, List<LogEntry> log, Optional<String> lockHolder) {

    public DatabaseState {
        heads = List.copyOf(heads);
        log = List.copyOf(log);
    }
}
