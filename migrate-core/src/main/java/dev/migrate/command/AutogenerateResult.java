package dev.migrate.command;

import java.util.List;

/**
 * What {@code migrate} found and wrote: Alembic's "Detected ..." lines, the data-loss warnings, and the
 * script, or no script when the models and the database already match, or when {@code emptied}: the
 * {@link dev.migrate.autogenerate.ProcessRevisionDirectives} removed every operation of the changes detected.
 */
public record AutogenerateResult(List<String> detected, List<String> warnings, RevisionResult script, boolean emptied) {

    public AutogenerateResult {
        detected = List.copyOf(detected);
        warnings = List.copyOf(warnings);
    }

    public AutogenerateResult(List<String> detected, List<String> warnings, RevisionResult script) {
        this(detected, warnings, script, false);
    }

    public boolean wroteScript() {
        return script != null;
    }

    /** The lines {@code db migrate} prints, as Flask-Migrate's. */
    public List<String> lines() {
        if (script == null) {
            return List.of(emptied ? "No script written: ProcessRevisionDirectives removed every operation of the "
                    + detected.size() + " change(s) detected." : "No changes in schema detected.");
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(detected);
        warnings.forEach(warning -> lines.add("WARNING: " + warning));
        lines.add(script.describe());
        return lines;
    }
}
