package dev.migrate.command;

import dev.migrate.graph.GraphException;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.script.DirectoryScriptSource;
import dev.migrate.script.IndexedScripts;
import dev.migrate.script.ListedScriptSource;
import dev.migrate.script.NewRevision;
import dev.migrate.script.RevisionIds;
import dev.migrate.script.ScriptDirectory;
import dev.migrate.script.ScriptLoader;
import dev.migrate.script.ScriptSet;
import dev.migrate.script.ScriptSource;
import dev.migrate.script.ScriptSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, loads and writes the scripts of one configuration. Reads come from the script directory when it
 * exists (so that a revision just written is seen at once), otherwise from the configured locations.
 */
final class ScriptCatalog {

    private final MigrateConfig config;
    private final ScriptLoader loader = new ScriptLoader();
    private final ScriptDirectory directory = new ScriptDirectory();
    private final RevisionIds ids = new RevisionIds();
    private final VendorPlaceholder vendor;
    private final SharedScripts shared;

    ScriptCatalog(MigrateConfig config, SharedScripts shared) {
        this.config = config;
        this.vendor = new VendorPlaceholder(config.database(), config.dataSource());
        this.shared = shared;
    }

    /** Loads the scripts; {@code {vendor}} in a location may ask the database which it is. */
    Scripts load() {
        return load(true);
    }

    /** Loads the scripts without ever connecting: {@code {vendor}} is what the configuration says (offline SQL). */
    Scripts loadOffline() {
        return load(false);
    }

    private Scripts load(boolean mayConnect) {
        return load(sources(mayConnect));
    }

    /** Loads the scripts of {@code sources} (as {@link #listed()} gives them, or as configured) and the Java migrations. */
    Scripts load(List<? extends ScriptSource> sources) {
        return shared.loaded(sources, config, () -> {
            ScriptSet set = loader.load(List.copyOf(sources), config.javaMigrations());
            return new Scripts(set, RevisionGraph.of(set.revisions()));
        });
    }

    /** The configured sources, each listed once, for {@link #indexed} and then, if need be, {@link #load(List)}. */
    List<ListedScriptSource> listed() {
        List<ScriptSource> sources = sources(true);
        return shared.listed(sources, config, () -> sources.stream().map(ListedScriptSource::of).toList());
    }

    /**
     * What the script indexes say of {@code listed}, when they describe every revision: never with Java migrations,
     * which no index describes, nor for a script directory, whose scripts are read and checked as they are now.
     */
    java.util.Optional<IndexedScripts> indexed(List<ListedScriptSource> listed) {
        if (!config.javaMigrations().isEmpty() || readsScriptDirectory(true)) {
            return java.util.Optional.empty();
        }
        return shared.indexed(listed, config, () -> IndexedScripts.of(listed));
    }

    InitResult init() {
        Path target = writableDirectory();
        Path template = directory.init(target);
        return new InitResult(target, List.of(template));
    }

    RevisionResult writeRevision(RevisionRequest request, List<String> currentHeads) {
        return writeRevision(request, currentHeads, loadWritable(), spec -> spec);
    }

    /** Writes a revision whose sections {@code body} fills in (autogenerate's SQL); {@code scripts} already loaded. */
    RevisionResult writeRevision(RevisionRequest request, List<String> currentHeads, Scripts scripts,
                                 java.util.function.UnaryOperator<NewRevision> body) {
        requireDirectory();
        Path target = targetDirectory(request.versionPath());
        RevisionGraph graph = scripts.graph();
        List<String> parents = graph.size() == 0 ? List.of() : parentsFor(request, graph, currentHeads);
        List<String> dependsOn = new ArrayList<>();
        for (String expression : request.dependsOn()) {
            dependsOn.addAll(graph.resolve(expression, currentHeads));
        }
        NewRevision spec = NewRevision.of(newId(request.revId(), scripts), request.message(), parents, LocalDateTime.now())
                .withBranchLabels(labels(request.branchLabel()))
                .withDependsOn(dependsOn);
        return write(body.apply(spec), scripts, target);
    }

    RevisionResult writeMerge(List<String> revisions, String message, String branchLabel, String revId) {
        Scripts scripts = loadWritable();
        List<String> expressions = revisions == null || revisions.isEmpty() ? List.of("heads") : revisions;
        Set<String> parents = new LinkedHashSet<>();
        for (String expression : expressions) {
            parents.addAll(scripts.graph().resolve(expression, List.of()));
        }
        if (parents.size() < 2) {
            // Flask-Migrate once made an unconnected root here; there is nothing to merge, so say so instead.
            throw new MigrateException("Nothing to merge: " + (parents.isEmpty() ? "no revisions" : "only " + parents.iterator().next())
                    + " given; name two or more revisions, or run merge with no arguments when there are several heads");
        }
        NewRevision spec = NewRevision.of(newId(revId, scripts), message, List.copyOf(parents), LocalDateTime.now())
                .withBranchLabels(labels(branchLabel));
        return write(spec, scripts, writableDirectory());
    }

    private RevisionResult write(NewRevision spec, Scripts scripts, Path target) {
        requireValidGraphWith(spec, scripts);
        Path file = directory.writeRevision(target, spec, scripts.set().byId().keySet());
        String message = spec.message() == null || spec.message().isBlank() ? "empty message" : spec.message();
        return new RevisionResult(spec.revision(), spec.downRevisions(), message, file);
    }

    /**
     * The graph with the new revision must still load: a script that breaks it (a branch label another
     * revision already has, an id that is a branch label) would make every later command fail.
     */
    private static void requireValidGraphWith(NewRevision spec, Scripts scripts) {
        if (!RevisionIds.problem(spec.revision()).isEmpty()) {
            return; // ScriptDirectory says what is wrong with the id
        }
        List<Revision> revisions = new ArrayList<>(scripts.graph().revisions());
        revisions.add(new Revision(spec.revision(), spec.downRevisions(), Set.copyOf(spec.branchLabels()), spec.dependsOn()));
        try {
            RevisionGraph.of(revisions);
        } catch (GraphException e) {
            throw new MigrateException(e.getMessage() + " (nothing was written)", e);
        }
    }

    private List<String> parentsFor(RevisionRequest request, RevisionGraph graph, List<String> currentHeads) {
        if ("base".equals(request.head())) {
            return List.of();
        }
        List<String> parents;
        try {
            parents = graph.resolve(request.head(), currentHeads);
        } catch (MultipleHeadsException e) {
            // Alembic: "Multiple heads are present; please specify the head revision on which the new revision
            // should be based, or perform a merge."
            throw new MigrateException("Multiple heads are present (" + String.join(", ", e.heads())
                    + "); give --head with the one to build on, or run 'db merge' to join them first", e);
        }
        if (!request.splice()) {
            for (String parent : parents) {
                if (!graph.isHead(parent)) {
                    throw new MigrateException("Revision " + parent + " is not a head revision; use --splice to start "
                            + "a new branch from it, or --head with one of: " + String.join(", ", graph.heads()));
                }
            }
        }
        return parents;
    }

    private String newId(String requested, Scripts scripts) {
        if (requested == null || requested.isBlank()) {
            String id;
            do {
                id = ids.generate();
            } while (scripts.set().byId().containsKey(id));
            return id;
        }
        RevisionIds.requireValid(requested);
        if (scripts.set().byId().containsKey(requested)) {
            throw new MigrateException("Revision id '" + requested + "' is already used by "
                    + scripts.script(requested).location() + "; choose another --rev-id, or leave it out to get a new one");
        }
        return requested;
    }

    private Scripts loadWritable() {
        requireDirectory();
        return load();
    }

    void requireDirectory() {
        Path target = writableDirectory();
        if (!Files.isDirectory(target)) {
            throw new MigrateException("Script directory " + target + " does not exist; run 'db init' first");
        }
    }

    private Path writableDirectory() {
        if (config.scriptDirectory() == null) {
            throw new MigrateException("No script directory is configured to write to; set migrate.script-directory "
                    + "(or MigrateConfig.scriptDirectory) to the source directory of your scripts");
        }
        return scriptDirectory(true);
    }

    /**
     * Where {@code revision --version-path} writes: the script directory or one of the version paths (Alembic's
     * {@code version_locations}), {@code {vendor}} resolved; the script directory when none is named.
     */
    private Path targetDirectory(String versionPath) {
        Path scriptDirectory = writableDirectory();
        if (versionPath == null || versionPath.isBlank()) {
            return scriptDirectory;
        }
        Path wanted = vendor.resolve(Path.of(versionPath.strip()), true).toAbsolutePath().normalize();
        List<Path> configured = new ArrayList<>();
        configured.add(scriptDirectory);
        configured.addAll(versionPaths(true));
        for (Path candidate : configured) {
            if (candidate.toAbsolutePath().normalize().equals(wanted)) {
                if (!Files.isDirectory(candidate)) {
                    throw new MigrateException("--version-path " + candidate + " does not exist; create the directory "
                            + "first (nothing was written)");
                }
                return candidate;
            }
        }
        throw new MigrateException("--version-path " + versionPath + " is not a configured script directory; use one of "
                + configured + " (migrate.script-directory, migrate.version-paths)");
    }

    /** The version paths, {@code {vendor}} resolved. */
    private List<Path> versionPaths(boolean mayConnect) {
        return config.versionPaths().stream().map(path -> vendor.resolve(path, mayConnect)).toList();
    }

    /** The script directory, {@code {vendor}} resolved; null when none is configured. */
    private Path scriptDirectory(boolean mayConnect) {
        return vendor.resolve(config.scriptDirectory(), mayConnect);
    }

    private List<ScriptSource> sources(boolean mayConnect) {
        if (readsScriptDirectory(mayConnect)) {
            List<ScriptSource> sources = new ArrayList<>();
            Set<Path> seen = new java.util.HashSet<>();
            List<Path> directories = new ArrayList<>();
            directories.add(scriptDirectory(mayConnect));
            directories.addAll(versionPaths(mayConnect));
            for (Path directory : directories) {
                if (seen.add(directory.toAbsolutePath().normalize()) && (sources.isEmpty() || Files.isDirectory(directory))) {
                    sources.add(new DirectoryScriptSource(directory));
                }
            }
            return sources;
        }
        return config.locations().stream()
                .map(location -> ScriptSources.of(vendor.resolve(location, mayConnect), config.classLoader())).toList();
    }

    /** Where {@link #load()} reads: the script directory, or the locations, as {@link ScriptOrigin} says. */
    ScriptOrigin origin() {
        if (readsScriptDirectory(true)) {
            return new ScriptOrigin.WorkingTree(scriptDirectory(true));
        }
        return new ScriptOrigin.Locations(config.locations().stream().map(location -> vendor.resolve(location, true))
                .toList());
    }

    private boolean readsScriptDirectory(boolean mayConnect) {
        Path scriptDirectory = scriptDirectory(mayConnect);
        return scriptDirectory != null && (Files.isDirectory(scriptDirectory) || config.locations().isEmpty());
    }

    private static List<String> labels(String branchLabel) {
        if (branchLabel == null || branchLabel.isBlank()) {
            return List.of();
        }
        return Arrays.stream(branchLabel.split(",")).map(String::trim).filter(label -> !label.isEmpty()).toList();
    }
}
