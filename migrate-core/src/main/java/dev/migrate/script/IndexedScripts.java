package dev.migrate.script;

import dev.migrate.graph.GraphException;
import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link ScriptIndex}es of packaged scripts say of them, when every script listed comes from an index that
 * matches its jar and knows each revision's place in the graph (version 2): the heads, each revision's checksum and
 * the repeatable scripts. Enough for a start to tell that a database is at head with nothing due, without parsing a
 * header or building the graph. Absent at any doubt (a script without such an index, two revisions with one id, a
 * graph that would not load, a file name that is not its revision's): the scripts are then loaded as always, which
 * says what is wrong.
 */
public record IndexedScripts(List<String> heads, Map<String, String> checksums, List<RepeatableScript> repeatables) {

    private static final Logger log = LoggerFactory.getLogger(IndexedScripts.class);

    public IndexedScripts {
        heads = List.copyOf(heads);
        // not copied: made by of() alone, and read once per revision at every start
        checksums = java.util.Collections.unmodifiableMap(checksums);
        repeatables = List.copyOf(repeatables);
    }

    public static Optional<IndexedScripts> of(List<ListedScriptSource> sources) {
        List<Revision> revisions = new ArrayList<>();
        Map<String, String> checksums = new HashMap<>();
        List<RepeatableScript> repeatables = new ArrayList<>();
        Set<String> repeatableNames = new HashSet<>();
        for (ListedScriptSource source : sources) {
            for (ScriptResource resource : source.list()) {
                if (!resource.fileName().endsWith(DirectoryScriptSource.EXTENSION)) {
                    continue;
                }
                ScriptIndex.Entry entry = resource.indexed();
                if (entry == null) {
                    return Optional.empty();
                }
                if (RepeatableScript.isRepeatable(resource.fileName())) {
                    Optional<RepeatableScript> repeatable = repeatable(resource);
                    if (repeatable.isEmpty() || !repeatableNames.add(repeatable.get().name())) {
                        return Optional.empty();
                    }
                    repeatables.add(repeatable.get());
                    continue;
                }
                Revision revision = entry.revision();
                if (revision == null || !ScriptLoader.namedAfter(resource.fileName(), revision.id())
                        || checksums.putIfAbsent(revision.id(), entry.checksum()) != null) {
                    return Optional.empty();
                }
                revisions.add(revision);
            }
        }
        try {
            return Optional.of(new IndexedScripts(RevisionGraph.headsOf(revisions), checksums, repeatables));
        } catch (GraphException e) {
            log.debug("The indexed revisions do not form a graph ({}); the scripts are loaded", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<RepeatableScript> repeatable(ScriptResource resource) {
        try {
            return Optional.of(RepeatableScript.of(resource));
        } catch (ScriptException e) {
            return Optional.empty();
        }
    }
}
