package dev.migrate.command;

import java.util.List;

/**
 * What {@code migrate} found and wrote: Alembic's "Detected ..." lines, the data-loss warnings, and the
 * script, or no script when the models and the database already match.
 */
public record AutogenerateResult(List<String> detected, List<String> warnings, RevisionResult script) {

    public AutogenerateResult {
        detected = List.copyOf(detected);
        warnings = List.copyOf(warnings);
    }

    public boolean wroteScript() {
        return script != null;
    }

    /** The lines {@code db migrate} prints, as Flask-Migrate's. */
    public List<String> lines() {
        if (script == null) {
            return List.of("No changes in schema detected.");
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(detected);
        warnings.forEach(warning -> lines.add("WARNING: " + warning));
        lines.add(script.describe());
        return lines;
    }
}
