package dev.migrate.command;

import java.util.List;

/**
 * Where a database stands against the scripts, and nothing more: its revision(s), the scripts' heads, how
 * many revisions are pending, and revisions in the database that no script knows. Read from the scripts'
 * headers and the version table only (no script body, no log), for probes polled often such as health.
 */
public record MigrationPosition(List<String> currentHeads, List<String> scriptHeads, int pending,
                                List<String> unknownInDatabase) {

    public MigrationPosition {
        currentHeads = List.copyOf(currentHeads);
        scriptHeads = List.copyOf(scriptHeads);
        unknownInDatabase = List.copyOf(unknownInDatabase);
    }

    public boolean atHead() {
        return pending == 0 && unknownInDatabase.isEmpty();
    }
}
