package dev.migrate.runtime;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.script.RepeatableScript;

import java.util.List;

/**
 * The repeatable scripts an upgrade may apply after its revisions, and the graph that says when: only a run that
 * leaves the database at head applies them (Flyway applies its {@code R__} scripts after all versioned ones), so
 * {@code upgrade <rev>} short of head, downgrades and stamps never do.
 */
public record Repeatables(List<RepeatableScript> scripts, RevisionGraph graph) {

    /** For runs that never apply repeatable scripts (downgrades). */
    public static final Repeatables NONE = new Repeatables(List.of(), null);

    public Repeatables {
        scripts = List.copyOf(scripts);
    }

    /** Whether a run that ends at {@code heads} applies them: there are some, and nothing is left to upgrade. */
    public boolean applyAt(List<String> heads) {
        return !scripts.isEmpty() && graph.upgrade(heads, "heads").isEmpty();
    }
}
