package dev.migrate.command;

import java.util.List;

/** What {@code check} found: nothing when the models and the upgraded database match. */
public record CheckResult(List<String> differences) {

    public CheckResult {
        differences = List.copyOf(differences);
    }

    public boolean upToDate() {
        return differences.isEmpty();
    }

    /** Alembic's wording: "No new upgrade operations detected." or the list of what differs. */
    public List<String> lines() {
        if (upToDate()) {
            return List.of("No new upgrade operations detected.");
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("New upgrade operations detected (" + differences.size() + "); run 'db migrate' to write them:");
        differences.forEach(difference -> lines.add("  " + difference));
        return lines;
    }
}
