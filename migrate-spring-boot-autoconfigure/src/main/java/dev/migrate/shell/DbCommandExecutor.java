package dev.migrate.shell;

import dev.migrate.autogenerate.RenameCandidate;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.CheckResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import dev.migrate.command.RevisionListing;
import dev.migrate.command.RevisionRequest;
import dev.migrate.command.RevisionResult;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.graph.GraphDiagram;
import dev.migrate.runtime.ChangedScript;
import dev.migrate.runtime.RunResult;
import dev.migrate.graph.Step;
import dev.migrate.runtime.StepListener;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@code db} command against the engine and writes Flask-Migrate's output. The same code serves
 * the interactive shell and {@code java -jar app.jar db ...}; the exit status says how it went:
 * 0 success, 1 the command failed (one line on the error stream), 2 the command line was wrong.
 */
public final class DbCommandExecutor {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Migrate migrate;
    private final Map<String, Migrate> engines;
    private final Fleet fleet;
    private final DbCommandLineParser parser = new DbCommandLineParser();

    public DbCommandExecutor(Migrate migrate) {
        this(migrate, Map.of());
    }

    public DbCommandExecutor(Migrate migrate, Map<String, Migrate> engines) {
        this(migrate, engines, null);
    }

    /**
     * @param migrate the engine commands work on by default
     * @param engines every engine by bean name, which {@code --database NAME} chooses from
     * @param fleet the fleet that {@code upgrade}, {@code current} and {@code status} run over and {@code --target NAME}
     *              chooses a target of; null: none
     */
    public DbCommandExecutor(Migrate migrate, Map<String, Migrate> engines, Fleet fleet) {
        this.migrate = migrate;
        this.engines = Map.copyOf(engines);
        this.fleet = fleet;
    }

    /** Parses and runs the words after {@code db}. */
    public int execute(List<String> words, DbConsole console) {
        // "flask db" alone prints the help and succeeds, as do --help, -h and help; so does "db <command> --help".
        Optional<String> help = DbHelp.forWords(words);
        if (help.isPresent()) {
            console.out(help.get());
            return OK;
        }
        DbInvocation invocation;
        try {
            invocation = parser.parse(words);
        } catch (DbUsageException e) {
            console.err(e.getMessage());
            return USAGE;
        }
        try {
            if (overFleet(invocation)) {
                return new DbFleetCommand(fleet.withArguments(parameters(invocation), invocation.value("tag")))
                        .run(invocation, console);
            }
            return withArguments(invocation).run(invocation, console);
        } catch (MigrateException | DbUsageException e) {
            console.err(e.getMessage());
            if (invocation.debug()) {
                console.err(stackTrace(e));
            }
            return e instanceof DbUsageException ? USAGE : FAILED;
        } catch (RuntimeException e) {
            console.err("db " + invocation.verb().verb() + " failed unexpectedly: " + e
                    + (invocation.debug() ? "" : "; run it again with --debug for the stack trace"));
            if (invocation.debug()) {
                console.err(stackTrace(e));
            }
            return FAILED;
        }
    }

    /**
     * The executor for this invocation: its engine given the {@code -x key=value} pairs (over
     * {@code migrate.parameters.*}) and the {@code --tag} argument, when there are any.
     */
    private DbCommandExecutor withArguments(DbInvocation invocation) {
        Map<String, String> parameters = parameters(invocation);
        String tag = invocation.value("tag");
        Migrate engine = engine(invocation);
        if (parameters.isEmpty() && tag == null) {
            return engine == migrate ? this : new DbCommandExecutor(engine, engines, fleet);
        }
        return new DbCommandExecutor(engine.withArguments(parameters, tag), engines, fleet);
    }

    /**
     * Whether the command runs over every fleet target: upgrade (online), current and status, with a fleet and neither
     * {@code --target} nor {@code --database}. A command that changes one database's history (downgrade, stamp, repair)
     * must name its target then, rather than touch the database the targets share.
     */
    private boolean overFleet(DbInvocation invocation) {
        if (fleet == null || invocation.value(DbCommandLineParser.TARGET) != null
                || invocation.value(DbCommandLineParser.DATABASE) != null) {
            return false;
        }
        DbVerb verb = invocation.verb();
        boolean online = !invocation.flag("sql");
        if ((verb == DbVerb.DOWNGRADE || verb == DbVerb.STAMP) && online || verb == DbVerb.REPAIR) {
            throw new DbUsageException("db " + verb.verb() + " works on one fleet target: add --" + DbCommandLineParser.TARGET
                    + " NAME; targets: " + targetNames());
        }
        return online && (verb == DbVerb.UPGRADE || verb == DbVerb.CURRENT || verb == DbVerb.STATUS);
    }

    private String targetNames() {
        return String.join(", ", fleet.targets().stream().map(FleetTarget::name).toList());
    }

    /** The {@code -x key=value} pairs of the invocation. */
    private static Map<String, String> parameters(DbInvocation invocation) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : invocation.values("x-arg")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new DbUsageException("db " + invocation.verb().verb() + ": -x '" + pair
                        + "' is not key=value; write e.g. -x schema=app");
            }
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parameters;
    }

    /** The engine {@code --database} names, or the fleet target {@code --target} names, else the default one. */
    private Migrate engine(DbInvocation invocation) {
        String target = invocation.value(DbCommandLineParser.TARGET);
        if (target != null) {
            if (fleet == null) {
                throw new DbUsageException("db " + invocation.verb().verb() + ": --" + DbCommandLineParser.TARGET
                        + " names a fleet target, and this application has no fleet (migrate.fleet.schemas or a "
                        + "MigrateFleetTargets bean)");
            }
            if (invocation.value(DbCommandLineParser.DATABASE) != null) {
                throw new DbUsageException("db " + invocation.verb().verb() + ": give --" + DbCommandLineParser.DATABASE
                        + " or --" + DbCommandLineParser.TARGET + ", not both");
            }
            return fleet.targets().stream().filter(candidate -> candidate.name().equals(target)).findFirst()
                    .map(FleetTarget::migrate).orElseThrow(() -> new DbUsageException("db " + invocation.verb().verb()
                            + ": --" + DbCommandLineParser.TARGET + " " + target + " names no fleet target; targets: "
                            + targetNames()));
        }
        String name = invocation.value(DbCommandLineParser.DATABASE);
        if (name == null) {
            return migrate;
        }
        Migrate named = engines.get(name);
        if (named == null) {
            throw new DbUsageException("db " + invocation.verb().verb() + ": --" + DbCommandLineParser.DATABASE + " " + name
                    + " names no Migrate bean; databases: " + String.join(", ", new java.util.TreeSet<>(engines.keySet())));
        }
        return named;
    }

    private int run(DbInvocation invocation, DbConsole console) {
        switch (invocation.verb()) {
            case INIT -> {
                var result = migrate.init();
                console.out("Creating directory " + result.directory() + " ...  done");
                result.created().forEach(file -> console.out("Generating " + file + " ...  done"));
            }
            case REVISION -> {
                if (invocation.flag("autogenerate")) {
                    return autogenerate(invocation, console);
                }
                console.out(migrate.revision(revisionRequest(invocation)).describe());
            }
            case MIGRATE -> {
                return autogenerate(invocation, console);
            }
            case MERGE -> {
                RevisionResult merged = migrate.merge(invocation.arguments(), invocation.value("message"),
                        invocation.value("branch-label"), invocation.value("rev-id"));
                console.out(merged.describe());
            }
            case UPGRADE -> {
                if (invocation.flag("sql")) {
                    console.out(migrate.upgradeSql(invocation.argumentOrDefault()));
                } else {
                    report(migrate.upgrade(invocation.argumentOrDefault(), progress(console)), console, "upgrade");
                }
            }
            case DOWNGRADE -> {
                if (invocation.flag("sql")) {
                    // Flask-Migrate: "if sql and revision == '-1': revision = 'head:-1'" (offline needs a start).
                    String range = invocation.argumentOrDefault();
                    console.out(migrate.downgradeSql("-1".equals(range) ? "head:-1" : range));
                } else {
                    if (console.interactive() && !invocation.flag("yes")
                            && !new DowngradeCheck(migrate).confirmed(invocation.argumentOrDefault(), console)) {
                        console.err("Aborted: nothing was downgraded.");
                        return FAILED;
                    }
                    report(migrate.downgrade(invocation.argumentOrDefault(), progress(console)), console, "downgrade");
                }
            }
            case SHOW -> print(migrate.show(invocation.argumentOrDefault()), console);
            case HISTORY -> {
                if (invocation.flag("graph")) {
                    historyGraph(invocation, console);
                } else {
                    print(migrate.history(invocation.value("rev-range"), invocation.flag("verbose"),
                            invocation.flag("indicate-current")), console);
                }
            }
            case GRAPH -> console.out(migrate.graph(graphFormat(invocation)));
            case HEADS -> print(migrate.heads(invocation.flag("verbose")), console);
            case BRANCHES -> print(migrate.branches(invocation.flag("verbose")), console);
            case CURRENT -> {
                if (invocation.flag("verbose")) {
                    // Alembic's header; its URL never holds the password (Alembic masks it as ***).
                    console.out("Current revision(s) for " + migrate.databaseUrl() + ":");
                }
                RevisionListing current = migrate.current(invocation.flag("verbose"));
                print(current, console);
                if (current.ahead()) {
                    console.err("WARNING: the database is at " + String.join(", ", current.unknownInDatabase())
                            + ", which no script of this application defines: a newer version of the application migrated"
                            + " it. Deploy that version (or restore its scripts) to upgrade or downgrade; 'db stamp <revision>'"
                            + " only after checking the schema matches that revision");
                    return invocation.flag("fail-if-ahead") ? FAILED : OK;
                }
            }
            case STAMP -> {
                if (invocation.flag("sql")) {
                    console.out(migrate.stampSql(invocation.argumentOrDefault(), invocation.flag("purge")));
                    return OK;
                }
                RunResult stamped = migrate.stamp(invocation.argumentOrDefault(), invocation.flag("purge"));
                if (!stamped.fromHeads().equals(stamped.toHeads())) {
                    // Alembic's StampStep: "Running stamp_revision <from> -> <to>", an empty side for base.
                    console.out("Running stamp_revision " + String.join(", ", stamped.fromHeads()) + " -> "
                            + String.join(", ", stamped.toHeads()));
                }
            }
            case STATUS -> new StatusTable(migrate.status()).lines().forEach(console::out);
            case REPAIR -> repair(console);
            case CHECK -> {
                CheckResult check = migrate.check();
                check.lines().forEach(console::out);
                return check.upToDate() ? OK : FAILED;
            }
        }
        return OK;
    }

    /** {@code db history --graph}: the whole graph, so a range or the verbose blocks have no place in it. */
    private void historyGraph(DbInvocation invocation, DbConsole console) {
        if (invocation.value("rev-range") != null || invocation.flag("verbose")) {
            throw new DbUsageException("db history: --graph draws the whole history in one line per revision;"
                    + " leave out --rev-range and --verbose, or drop --graph");
        }
        migrate.historyGraph(GraphStyle.forConsole()).forEach(console::out);
    }

    private static GraphDiagram.Format graphFormat(DbInvocation invocation) {
        String format = invocation.value("format");
        try {
            return format == null ? GraphDiagram.Format.MERMAID : GraphDiagram.Format.named(format);
        } catch (IllegalArgumentException e) {
            throw new DbUsageException("db graph: --format takes mermaid or dot, not '" + format + "'");
        }
    }

    /** Flyway's repair for edited scripts: says which checksums it re-recorded, or that there was nothing to do. */
    private void repair(DbConsole console) {
        List<ChangedScript> repaired = migrate.repair();
        if (repaired.isEmpty()) {
            console.out("Nothing to repair: every applied script matches the checksum recorded when it ran");
        }
        for (ChangedScript script : repaired) {
            console.out("Recorded the new checksum of " + script.revision() + " (" + script.location() + "), "
                    + script.message());
        }
    }

    private static RevisionRequest revisionRequest(DbInvocation invocation) {
        RevisionRequest request = RevisionRequest.withMessage(invocation.value("message"))
                .withHead(invocation.value("head"))
                .withBranchLabel(invocation.value("branch-label"))
                .withRevId(invocation.value("rev-id"))
                .withDependsOn(invocation.values("depends-on"))
                .withVersionPath(invocation.value("version-path"));
        return invocation.flag("splice") ? request.withSplice() : request;
    }

    /**
     * Alembic's "Running upgrade a -> b" line as each revision starts, so a long run shows where it is, and
     * "Running repeatable name, message" as each repeatable script starts after them.
     */
    private static StepListener progress(DbConsole console) {
        return new StepListener() {
            @Override
            public void starting(Step step, String message) {
                console.out(StepListener.describe(step, message));
            }

            @Override
            public void startingRepeatable(String name, String message) {
                console.out(StepListener.describeRepeatable(name, message));
            }
        };
    }

    static void report(RunResult run, DbConsole console, String verb) {
        // An earlier attempt that failed (part of a no-transaction revision may be in the database): say so.
        run.earlierFailures().forEach(failed -> console.err("WARNING: " + failed.describe()));
        if (run.isEmpty()) {
            console.out("Nothing to " + verb + ": the database is at " + heads(run.toHeads()));
        }
    }

    private static void print(RevisionListing listing, DbConsole console) {
        for (String line : listing.lines()) {
            console.out(line);
        }
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    /** {@code db migrate} (and {@code db revision --autogenerate}): the diff as a script for review. */
    private int autogenerate(DbInvocation invocation, DbConsole console) {
        if (invocation.flag("sql")) {
            throw new DbUsageException("db " + invocation.verb().verb() + ": --sql makes no sense with autogenerate,"
                    + " which compares with a live database; generate the script, then 'db upgrade --sql'");
        }
        List<RenameCandidate> unasked = new ArrayList<>();
        AutogenerateResult result = migrate.migrate(revisionRequest(invocation), renames(invocation, console, unasked));
        result.lines().forEach(line -> {
            if (line.startsWith("WARNING: ")) {
                console.err(line);
            } else {
                console.out(line);
            }
        });
        if (!unasked.isEmpty() && result.wroteScript()) {
            console.err("WARNING: possible rename" + (unasked.size() == 1 ? " " : "s ")
                    + String.join(", ", unasked.stream().map(RenameCandidate::describe).toList())
                    + " written as a drop and an add (the data is lost), as nobody was there to ask; to rename instead,"
                    + " delete the script and run 'db " + invocation.verb().verb() + " --rename always'");
        }
        return OK;
    }

    /**
     * How proposed renames are settled: asked at the prompt unless {@code --rename always|never} says;
     * without anyone to ask, {@code never} (a drop and an add, flagged as losing data in the script), and the
     * candidates go to {@code unasked} so that the command can say so.
     */
    private static RenameDecider renames(DbInvocation invocation, DbConsole console, List<RenameCandidate> unasked) {
        String policy = invocation.value("rename");
        if (policy == null || policy.equals("ask")) {
            if (!console.interactive()) {
                return candidate -> {
                    unasked.add(candidate);
                    return false;
                };
            }
            return candidate -> console.confirm("Is this a rename: " + candidate.describe()
                    + "? (no: drop and add, which loses the data)");
        }
        try {
            return RenameDecider.policy(policy);
        } catch (IllegalArgumentException e) {
            throw new DbUsageException("db " + invocation.verb().verb() + ": --rename takes ask, always or never, not '"
                    + policy + "'");
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
