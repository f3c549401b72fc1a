package dev.migrate.command;

import java.util.List;

/**
 * What {@code check} found: nothing when the models and the upgraded database match; and the warnings the
 * generated script would carry (data loss, dependents dropped with a table, objects autogenerate does not keep).
 */
public record CheckResult(List<String> differences, List<String> warnings) {

    public CheckResult {
        differences = List.copyOf(differences);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public CheckResult(List<String> differences) {
        this(differences, List.of());
    }

    public boolean upToDate() {
        return differences.isEmpty();
    }

    /** Alembic's wording: "No new upgrade operations detected." or the list of what differs, then the warnings. */
    public List<String> lines() {
        if (upToDate()) {
            return List.of("No new upgrade operations detected.");
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("New upgrade operations detected (" + differences.size() + "); run 'db migrate' to write them:");
        differences.forEach(difference -> lines.add("  " + difference));
        warnings.forEach(warning -> lines.add("WARNING: " + warning));
        return lines;
    }
}
