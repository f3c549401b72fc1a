package dev.migrate.command;

import dev.migrate.autogenerate.Changes;
import dev.migrate.autogenerate.DataLossWarning;
import dev.migrate.autogenerate.GeneratedRevision;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.UnsupportedDatabaseException;
import dev.migrate.graph.GraphDiagram;
import dev.migrate.graph.Direction;
import dev.migrate.graph.GraphException;
import dev.migrate.graph.GraphPicture;
import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.op.RebuildTable;
import dev.migrate.runtime.CallbackFailedException;
import dev.migrate.runtime.ChangedScript;
import dev.migrate.runtime.ConcurrentMigrationException;
import dev.migrate.runtime.DatabaseState;
import dev.migrate.runtime.DriftCheck;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.runtime.MigrationRunner;
import dev.migrate.runtime.OfflineSql;
import dev.migrate.runtime.RepeatableState;
import dev.migrate.runtime.Repeatables;
import dev.migrate.runtime.RuntimeSettings;
import dev.migrate.runtime.RunResult;
import dev.migrate.runtime.ScriptsChangedException;
import dev.migrate.runtime.StepListener;
import dev.migrate.script.IndexedScripts;
import dev.migrate.script.JavaMigrationScript;
import dev.migrate.script.ListedScriptSource;
import dev.migrate.schema.ModelException;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.ScriptException;
import dev.migrate.script.ScriptSet;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command facade: one short method per Flask-Migrate verb, each wiring the script set, the revision
 * graph and the runtime together and returning a value. Nothing here prints; every failure a user can
 * cause comes out as a {@link MigrateException} with a one-line message.
 */
public final class Migrate {

    private final MigrateConfig config;
    private final ScriptCatalog catalog;
    private final MigrationRunner runner;
    private final SchemaDiff diff;

    public Migrate(MigrateConfig config) {
        this(config, SharedScripts.none());
    }

    private Migrate(MigrateConfig config, SharedScripts shared) {
        this.config = config;
        this.catalog = new ScriptCatalog(config, shared);
        this.runner = new MigrationRunner(config.dataSource(), config.runtime());
        this.diff = new SchemaDiff(config);
    }

    /**
     * This engine reading its scripts through {@code shared}: engines of one operation over many databases (a fleet's)
     * list and load scripts from the same places once between them. Keep it for that operation only: an engine of its
     * own reads the scripts at each command, so that a script written meanwhile is seen.
     */
    public Migrate sharingScripts(SharedScripts shared) {
        return new Migrate(config, shared);
    }

    public MigrateConfig config() {
        return config;
    }

    /**
     * This engine as a running application must see its scripts: from the configured locations, never from the
     * working tree's script directory (a packaged jar started inside a checkout runs its own scripts, not the
     * checkout's). The {@code db} commands keep the script directory, where new scripts are written.
     */
    public Migrate withPackagedScripts() {
        MigrateConfig packaged = config.withPackagedScriptsOnly();
        return packaged == config ? this : new Migrate(packaged);
    }

    /**
     * The scripts as this engine reads them, loaded and checked (unique ids and labels, a graph without cycles): for
     * tools that inspect the history itself, such as the migration test kit.
     */
    public ScriptSet scriptSet() {
        return guard(() -> catalog.load().set());
    }

    /**
     * This engine with a command's own arguments: {@code -x key=value} pairs added to the configured parameters
     * (a pair wins over a setting of the same key) and the {@code --tag} argument for Java migrations.
     */
    public Migrate withArguments(Map<String, String> parameters, String tag) {
        if (parameters.isEmpty() && tag == null) {
            return this;
        }
        RuntimeSettings runtime = config.runtime().withArguments(config.runtime().arguments().with(parameters).withTag(tag));
        return new Migrate(new MigrateConfig(config.dataSource(), config.locations(), config.scriptDirectory(),
                config.classLoader(), runtime, config.javaMigrations(), config.models(), config.autogenerate(),
                config.database(), config.versionPaths()));
    }

    /** Where this engine reads its scripts from, without reading them. */
    public ScriptOrigin scriptOrigin() {
        return catalog.origin();
    }

    /** {@code db init}: creates the script directory with its editable template. */
    public InitResult init() {
        return guard(() -> catalog.init());
    }

    /** {@code db revision}: writes a new, empty script. */
    public RevisionResult revision(RevisionRequest request) {
        return guard(() -> catalog.writeRevision(request, currentHeadsIfNeeded(request)));
    }

    /** {@code db merge}: a revision whose parents are the given revisions (all heads by default). */
    public RevisionResult merge(List<String> revisions, String message, String branchLabel, String revId) {
        return guard(() -> catalog.writeMerge(revisions, message, branchLabel, revId));
    }

    /**
     * {@code db migrate}: compares the models with the upgraded database and writes a script for a human
     * to review, with the operations the configured {@code ProcessRevisionDirectives} leave; writes nothing when
     * there is nothing left to do. {@code renames} settles proposed renames.
     */
    public AutogenerateResult migrate(RevisionRequest request, RenameDecider renames) {
        return guard(() -> {
            catalog.requireDirectory();
            Scripts scripts = catalog.load();
            Changes detected = diff.compare(scripts, renames, "migrate");
            Changes changes = detected.withOperations(config.autogenerate().processRevisionDirectives().process(
                    new GeneratedRevision(request.message(), detected.dialect().name(), detected.operations())));
            List<String> warnings = changes.warnings().stream().map(DataLossWarning::message).toList();
            if (changes.isEmpty()) {
                return new AutogenerateResult(detected.descriptions(), List.of(), null, !detected.isEmpty());
            }
            boolean rebuilds = changes.operations().stream().anyMatch(operation -> operation instanceof RebuildTable);
            RevisionResult written = catalog.writeRevision(request, currentHeadsIfNeeded(request), scripts,
                    spec -> spec.withSql(changes.upgradeSql(), changes.downgradeSql()).withForeignKeysOff(rebuilds));
            return new AutogenerateResult(changes.descriptions(), warnings, written);
        });
    }

    /**
     * {@code db check}: the differences between the models and the upgraded database, none when they match, with the
     * warnings the script {@code db migrate} would write carries.
     */
    public CheckResult check() {
        return guard(() -> {
            Changes changes = diff.compare(catalog.load(), RenameDecider.NEVER, "check");
            return new CheckResult(changes.descriptions(),
                    changes.warnings().stream().map(DataLossWarning::message).toList());
        });
    }

    /** Where the database stands: revisions, pending, applied with timings, lock holder, drift. Creates nothing. */
    public MigrationStatus status() {
        return guard(() -> StatusReport.of(catalog.load(), runner.state()));
    }

    /**
     * Where the database stands against the scripts' heads, from the headers and the version table only: the
     * cheap probe for health checks ({@link #status()} also reads the log and checksums applied scripts).
     */
    public MigrationPosition position() {
        return guard(() -> {
            Scripts scripts = catalog.load();
            List<String> heads = runner.currentHeads();
            List<String> unknown = scripts.unknown(heads);
            int pending = unknown.isEmpty() ? scripts.graph().upgrade(heads, "heads").steps().size() : 0;
            return new MigrationPosition(heads, scripts.graph().heads(), pending, unknown);
        });
    }

    /**
     * The repeatable scripts the next upgrade to head would apply (pending, changed or failed), with their state; reads
     * the scripts and the log's rows of repeatable scripts and downgrades. Empty when every one is applied as it is.
     */
    public List<MigrationStatus.Repeatable> repeatablesDue() {
        return guard(() -> {
            Scripts scripts = catalog.load();
            if (scripts.set().repeatables().isEmpty()) {
                return List.of();
            }
            return StatusReport.repeatables(scripts, runner.repeatableHistory()).stream()
                    .filter(repeatable -> repeatable.state() != RepeatableState.APPLIED).toList();
        });
    }

    /** {@code db upgrade [target]}. */
    public RunResult upgrade(String target) {
        return upgrade(target, StepListener.NONE);
    }

    /** {@code db upgrade [target]}, telling {@code progress} as each revision starts. */
    public RunResult upgrade(String target, StepListener progress) {
        return upgrade(target, progress, true);
    }

    /**
     * {@code db upgrade [target]} of the revisions alone, never applying the repeatable scripts: for tools that check
     * what each revision does and undoes, such as the test kit's stairway (no downgrade undoes a repeatable script).
     */
    public RunResult upgradeRevisions(String target) {
        return upgrade(target, StepListener.NONE, false);
    }

    private RunResult upgrade(String target, StepListener progress, boolean withRepeatables) {
        return guard(() -> {
            List<ListedScriptSource> listed = catalog.listed();
            if (withRepeatables && IndexedAtHead.answers(target)) {
                // packaged scripts at head: the indexes answer without a header parsed or the graph built
                Optional<IndexedScripts> indexed = catalog.indexed(listed);
                Optional<RunResult> atHead = indexed.isEmpty() ? Optional.empty()
                        : runner.checkAtTarget(new IndexedAtHead(indexed.get(), target));
                if (atHead.isPresent()) {
                    return atHead.get();
                }
            }
            Scripts scripts = catalog.load(listed);
            return runner.run(Direction.UPGRADE, heads -> scripts.graph().upgrade(heads, target), scripts::script, progress,
                    drift(scripts), withRepeatables ? repeatables(scripts) : Repeatables.NONE);
        });
    }

    /**
     * {@code db repair}: after a reviewed edit of applied scripts, records their checksums as they are now (a
     * {@code repair} row each in the log), so that upgrades run again; returns what it re-recorded.
     */
    public List<ChangedScript> repair() {
        return guard(() -> runner.repair(drift(catalog.load())));
    }

    /**
     * Fails, naming each one, when an applied revision's script changed since it was applied, whatever
     * {@code validateOnMigrate} says ({@code migrate.on-startup=validate} asks when it is on). Takes no lock.
     */
    public void validateChecksums() {
        guard(() -> {
            DatabaseState state = runner.state();
            drift(catalog.load()).require(state.heads(), state.log());
            return null;
        });
    }

    /** The repeatable scripts, which an upgrade applies when it leaves the database at head. */
    private static Repeatables repeatables(Scripts scripts) {
        return new Repeatables(scripts.set().repeatables(), scripts.graph());
    }

    private static DriftCheck drift(Scripts scripts) {
        return new DriftCheck(scripts.graph(), scripts::script);
    }

    /** {@code db downgrade [target]}. */
    public RunResult downgrade(String target) {
        return downgrade(target, StepListener.NONE);
    }

    /** {@code db downgrade [target]}, telling {@code progress} as each revision starts. */
    public RunResult downgrade(String target, StepListener progress) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            return runner.run(Direction.DOWNGRADE, heads -> scripts.graph().downgrade(heads, target), scripts::script,
                    progress, null);
        });
    }

    /**
     * {@code db upgrade --sql [start:]end}: the SQL of the plan, starting from base unless a start is given. No
     * connection is opened: the dialect and user come from {@link MigrateConfig#database()}.
     */
    public String upgradeSql(String range) {
        return guard(() -> offline(range, true));
    }

    /** {@code db downgrade --sql start:end}: offline downgrades need the start, as Alembic's do; no connection. */
    public String downgradeSql(String range) {
        return guard(() -> offline(range, false));
    }

    /** {@code db stamp}: sets the version table without running anything; {@code purge} empties it first. */
    public RunResult stamp(String target, boolean purge) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            return runner.stamp(heads -> scripts.graph().stamp(heads, target, purge));
        });
    }

    /**
     * {@code db stamp --sql [start:]revision}: the version-table statements a stamp would run, as Alembic's offline
     * stamp prints them; from base (no start given) the version and log tables are created first.
     */
    public String stampSql(String revision, boolean purge) {
        return guard(() -> {
            Scripts scripts = catalog.loadOffline();
            int colon = revision.indexOf(':');
            String start = colon < 0 ? null : revision.substring(0, colon);
            String target = colon < 0 ? revision : revision.substring(colon + 1);
            List<String> fromHeads = start == null || start.isBlank() || "base".equals(start)
                    ? List.of() : scripts.graph().resolve(start, List.of());
            return offlineSql().renderStamp(scripts.graph().stamp(fromHeads, target, purge), purge);
        });
    }

    /**
     * The database's JDBC URL as {@code current --verbose} shows it, without a password: the configured one, else
     * the address the driver reports (without its parameters: PostgreSQL's driver lists every property there).
     */
    public String databaseUrl() {
        return guard(() -> {
            String url = config.database().url();
            if (url == null || url.isBlank()) {
                try (Connection connection = config.dataSource().getConnection()) {
                    url = connection.getMetaData().getURL();
                }
                int parameters = url.indexOf('?');
                url = parameters < 0 ? url : url.substring(0, parameters);
            }
            return DatabaseSettings.withoutPassword(url);
        });
    }

    /**
     * {@code db current}: the database's revision(s). A revision no script defines (the database is ahead of this
     * application) is returned in {@link RevisionListing#unknownInDatabase()}, not thrown as Alembic's current does:
     * the state is a fact to show, and the startup path already lets such a database run.
     */
    public RevisionListing current(boolean verbose) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            List<String> heads = runner.currentHeads();
            List<String> unknown = scripts.unknown(heads);
            List<String> known = heads.stream().filter(head -> !unknown.contains(head)).toList();
            // As Alembic's get_all_current: a dependency folded into its dependent's row is listed too.
            List<MigrationScript> listed = scripts.graph().current(known).stream().map(scripts::script).toList();
            RevisionFormat format = new RevisionFormat(scripts.graph(), List.of());
            return RevisionListing.of(listed, heads, script -> format.format(script, verbose, false, false, false, true))
                    .withUnknownInDatabase(unknown);
        });
    }

    /** {@code db heads}: the heads of the script directory. */
    public RevisionListing heads(boolean verbose) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            List<MigrationScript> listed = scripts.graph().heads().stream().map(scripts::script).toList();
            RevisionFormat format = new RevisionFormat(scripts.graph(), List.of());
            return RevisionListing.of(listed, List.of(), script -> format.format(script, verbose, true, false, false, false));
        });
    }

    /** {@code db branches}: the branch points and where they lead. */
    public RevisionListing branches(boolean verbose) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            RevisionGraph graph = scripts.graph();
            RevisionFormat format = new RevisionFormat(graph, List.of());
            List<MigrationScript> points = new ArrayList<>();
            for (int i = graph.revisions().size() - 1; i >= 0; i--) {
                String id = graph.revisions().get(i).id();
                if (graph.isBranchPoint(id)) {
                    points.add(scripts.script(id));
                }
            }
            return RevisionListing.of(points, List.of(), script -> {
                StringBuilder text = new StringBuilder(format.format(script, verbose, true, false, false, true));
                String indent = " ".repeat(script.id().length());
                for (String child : graph.children(script.id())) {
                    text.append('\n').append(indent).append(" -> ")
                            .append(format.line(scripts.script(child), true, verbose, false, true));
                }
                return text.append('\n').toString();
            });
        });
    }

    /** {@code db history}: newest first, as Alembic lists it. */
    public RevisionListing history(String range, boolean verbose, boolean indicateCurrent) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            boolean needsDatabase = indicateCurrent || (range != null && range.contains("current"));
            List<String> current = needsDatabase ? runner.currentHeads() : List.of();
            List<MigrationScript> listed = scripts.graph().history(range, current).stream()
                    .map(revision -> scripts.script(revision.id())).toList();
            RevisionFormat format = new RevisionFormat(scripts.graph(), indicateCurrent ? current : List.of());
            return RevisionListing.of(listed, current, script -> format.format(script, verbose, true, true, true, true));
        });
    }

    /**
     * {@code db history --graph}: the whole history as a picture, newest first, each revision with its one-line
     * text (labels, head, branch and merge points, message); the revisions the database is at are marked, so the
     * version table is read, as {@code history --indicate-current} reads it.
     */
    public List<String> historyGraph(GraphPicture.Style style) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            List<String> current = runner.currentHeads();
            RevisionFormat format = new RevisionFormat(scripts.graph(), current);
            return new GraphPicture(scripts.graph(), style).draw(current,
                    id -> format.line(scripts.script(id), true, true, false, true));
        });
    }

    /** {@code db graph --format dot|mermaid}: the scripts' graph as a diagram for documentation; never connects. */
    public String graph(GraphDiagram.Format format) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            return new GraphDiagram(scripts.graph()).render(format, id -> scripts.script(id).message());
        });
    }

    /** {@code db show <rev>}: the verbose block of each revision the expression names. */
    public RevisionListing show(String revision) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            List<String> current = "current".equals(revision) ? runner.currentHeads() : List.of();
            List<MigrationScript> listed = scripts.graph().resolve(revision, current).stream().map(scripts::script).toList();
            RevisionFormat format = new RevisionFormat(scripts.graph(), List.of());
            return RevisionListing.of(listed, current, format::verbose);
        });
    }

    private String offline(String range, boolean upgrade) {
        Scripts scripts = catalog.loadOffline();
        String start;
        String end;
        int colon = range == null ? -1 : range.indexOf(':');
        if (colon >= 0) {
            start = range.substring(0, colon);
            end = range.substring(colon + 1);
        } else if (upgrade) {
            start = null;
            end = range == null || range.isBlank() ? "head" : range;
        } else {
            throw new MigrateException("downgrade --sql needs a range <fromrev>:<torev>, as the database is not "
                    + "consulted in offline mode; e.g. downgrade --sql head:base");
        }
        List<String> fromHeads = start == null || start.isBlank() || "base".equals(start)
                ? List.of() : scripts.graph().resolve(start, List.of());
        Plan plan = upgrade ? scripts.graph().upgrade(fromHeads, end) : scripts.graph().downgrade(fromHeads, end);
        for (var step : plan.steps()) {
            if (scripts.script(step.revision().id()) instanceof JavaMigrationScript java) {
                throw new MigrateException("Revision " + step.revision().id() + " is a Java migration (" + java.location()
                        + ") and has no SQL to show offline; run it online, or end the --sql range before it");
            }
        }
        Repeatables repeatables = upgrade ? repeatables(scripts) : Repeatables.NONE;
        return offlineSql().render(plan, scripts::script,
                repeatables.applyAt(plan.toHeads()) ? repeatables.scripts() : List.of());
    }

    /** Offline SQL opens no connection: the dialect and user come from the configuration. */
    private OfflineSql offlineSql() {
        DatabaseSettings database = config.database();
        return new OfflineSql(database.dialect(), config.runtime(), database.user(), database.sqlMode());
    }

    private List<String> currentHeadsIfNeeded(RevisionRequest request) throws SQLException {
        return request.needsDatabase() ? runner.currentHeads() : List.of();
    }

    /** Turns every failure a user can cause into one {@link MigrateException}. */
    private static <T> T guard(Action<T> action) {
        try {
            return action.run();
        } catch (MigrateException e) {
            throw e;
        } catch (GraphException | ScriptException | MigrationFailedException | LockTimeoutException
                 | ConcurrentMigrationException | ModelException | UnsupportedDatabaseException
                 | ScriptsChangedException | CallbackFailedException e) {
            throw new MigrateException(e.getMessage(), e);
        } catch (SQLException e) {
            // Only a failure to connect is about the connection settings; anything else names its own cause.
            String text = "Database error: " + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
            throw new MigrateException(Dialect.isConnectionFailure(e)
                    ? text + "; check the connection settings and that the database is reachable" : text, e);
        } catch (IOException e) {
            throw new MigrateException("Could not read or write scripts: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Action<T> {
        T run() throws SQLException, IOException;
    }

    /** For callers that need the plan only, such as the startup validation. */
    public Plan planUpgrade(String target) {
        return guard(() -> {
            Scripts scripts = catalog.load();
            return scripts.graph().upgrade(runner.currentHeads(), target);
        });
    }
}
