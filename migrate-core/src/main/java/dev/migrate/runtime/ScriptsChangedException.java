package dev.migrate.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** Applied revisions' scripts changed since they were applied, so the run refused to start. */
public final class ScriptsChangedException extends RuntimeException {

    private final transient List<ChangedScript> changed;

    public ScriptsChangedException(List<ChangedScript> changed) {
        super(message(changed));
        this.changed = List.copyOf(changed);
    }

    public List<ChangedScript> changed() {
        return changed;
    }

    private static String message(List<ChangedScript> changed) {
        String named = changed.stream().map(script -> script.revision() + " (" + script.location() + ")")
                .collect(Collectors.joining(", "));
        return (changed.size() == 1 ? "The script of applied revision " + named + " changed since it was applied"
                : "The scripts of " + changed.size() + " applied revisions changed since they were applied: " + named)
                + "; nothing was run. Review the edits (an applied revision does not run again), then run 'db repair' to "
                + "record the new checksums, or set migrate.validate-on-migrate=false to skip this check";
    }
}
