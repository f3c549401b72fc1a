package dev.migrate.script;

import dev.migrate.graph.Revision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every loaded revision, SQL and Java, checked to have unique ids and to refer only to revisions that
 * exist: what the revision graph is built from ({@link #revisions()}) and what the runtime runs
 * ({@link #byId()}); and the repeatable scripts, by name ({@link #repeatables()}), which are no revisions.
 */
public record ScriptSet(List<MigrationScript> scripts, Map<String, MigrationScript> byId, List<Revision> revisions,
                        List<RepeatableScript> repeatables) {

    public ScriptSet {
        scripts = List.copyOf(scripts);
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        revisions = List.copyOf(revisions);
        repeatables = repeatables.stream().sorted(java.util.Comparator.comparing(RepeatableScript::name)).toList();
    }

    public ScriptSet(List<MigrationScript> scripts, Map<String, MigrationScript> byId, List<Revision> revisions) {
        this(scripts, byId, revisions, List.of());
    }

    public Optional<MigrationScript> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The script of a revision the graph names; a missing one is a bug in the caller, not a user error. */
    public MigrationScript get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no script for revision " + id));
    }

    /** Where a revision comes from, for turning a graph error into a message that names the file. */
    public Optional<String> locationOf(String id) {
        return find(id).map(MigrationScript::location);
    }
}
