package dev.migrate.script;

import dev.migrate.graph.GraphException;
import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the {@link ScriptIndex}es of packaged scripts say of them, when every script listed comes from an index that
 * matches its jar and knows each revision's place in the graph (version 2): the heads, their {@link AppliedDigest},
 * each revision's checksum and the repeatable scripts. Enough for a start to tell that a database is at head with
 * nothing due, without parsing a header or building the graph. Absent at any doubt (a script without such an index,
 * two revisions with one id, a graph that would not load, a file name that is not its revision's): the scripts are
 * then loaded as always, which says what is wrong.
 *
 * <p>When all the scripts come from one index of version 3 ({@link ScriptIndex.Summary}), heads and digest are the
 * ones its build computed with these same checks, and the checksums and repeatable scripts are read from the index
 * only if asked for: a database whose log ends with that digest never asks.
 */
public final class IndexedScripts {

    private static final Logger log = LoggerFactory.getLogger(IndexedScripts.class);

    /** Each revision's checksum and the repeatable scripts: what a comparison with the whole log needs. */
    private record Scripts(Map<String, String> checksums, List<RepeatableScript> repeatables) {
    }

    private final List<String> heads;
    private final String digest;
    private final Supplier<Scripts> scripts;
    private volatile Scripts known;

    private IndexedScripts(List<String> heads, String digest, Supplier<Scripts> scripts) {
        this.heads = List.copyOf(heads);
        this.digest = digest;
        this.scripts = scripts;
    }

    /** The heads of the indexed revisions' graph. */
    public List<String> heads() {
        return heads;
    }

    /** The {@link AppliedDigest} of these scripts: what a database at head that applied them as they are has recorded. */
    public String digest() {
        return digest;
    }

    /**
     * Each revision's checksum by id. With a summary these are read from the index now, and an index whose lines do
     * not check as its build found them throws: the check at head then leaves the answer to the run under the lock.
     */
    public Map<String, String> checksums() {
        return scripts().checksums();
    }

    /** The repeatable scripts, by name. */
    public List<RepeatableScript> repeatables() {
        return scripts().repeatables();
    }

    private Scripts scripts() {
        Scripts value = known;
        if (value == null) {
            value = scripts.get();
            known = value;
        }
        return value;
    }

    public static Optional<IndexedScripts> of(List<ListedScriptSource> sources) {
        Optional<ScriptIndex.Summary> summary = soleSummary(sources);
        if (summary.isPresent()) {
            return Optional.of(new IndexedScripts(summary.get().heads(), summary.get().digest(),
                    () -> checked(sources).orElseThrow(() -> new IllegalStateException(
                            "the script lines of the index do not check as its build found them"))));
        }
        List<Revision> revisions = new ArrayList<>();
        Optional<Scripts> scripts = checked(sources, revisions);
        if (scripts.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> heads = RevisionGraph.headsOf(revisions);
            Scripts checked = scripts.get();
            return Optional.of(new IndexedScripts(heads, digestOf(checked), () -> checked));
        } catch (GraphException e) {
            log.debug("The indexed revisions do not form a graph ({}); the scripts are loaded", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The summary of the one version 3 index every listed script comes from, when that index counts exactly these
     * scripts and its build found their graph valid; empty otherwise (several locations or jars, no summary).
     */
    private static Optional<ScriptIndex.Summary> soleSummary(List<ListedScriptSource> sources) {
        ScriptIndex index = null;
        int scripts = 0;
        for (ListedScriptSource source : sources) {
            for (ScriptResource resource : source.list()) {
                if (!resource.fileName().endsWith(DirectoryScriptSource.EXTENSION)) {
                    continue;
                }
                if (resource.index() == null || index != null && resource.index() != index) {
                    return Optional.empty();
                }
                index = resource.index();
                scripts++;
            }
        }
        int count = scripts;
        return index == null ? Optional.empty()
                : index.summary().filter(summary -> summary.knowsHeads() && summary.scripts() == count);
    }

    private static Optional<Scripts> checked(List<ListedScriptSource> sources) {
        return checked(sources, new ArrayList<>());
    }

    /** Each revision's checksum and the repeatable scripts, the revisions added to {@code revisions}; empty at any doubt. */
    private static Optional<Scripts> checked(List<ListedScriptSource> sources, List<Revision> revisions) {
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
        // not copied: read once per revision at every start that compares the whole log
        return Optional.of(new Scripts(Collections.unmodifiableMap(checksums), List.copyOf(repeatables)));
    }

    private static String digestOf(Scripts scripts) {
        Map<String, String> repeatableChecksums = new HashMap<>();
        for (RepeatableScript repeatable : scripts.repeatables()) {
            repeatableChecksums.put(repeatable.name(), repeatable.checksum());
        }
        return AppliedDigest.of(scripts.checksums(), repeatableChecksums);
    }

    private static Optional<RepeatableScript> repeatable(ScriptResource resource) {
        try {
            return Optional.of(RepeatableScript.of(resource));
        } catch (ScriptException e) {
            return Optional.empty();
        }
    }
}
