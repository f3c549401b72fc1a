package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.TableName;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.RepeatableScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs plans against a live database: takes the migration lock for the whole run (PostgreSQL: an advisory
 * lock on the run's own connection; SQLite: a lock file beside the database), reads the version table, asks
 * the planner what to do, and runs each step in its own transaction with its version-table change and log
 * row. On SQLite the version table is also re-read under the write lock before each step (which keeps
 * transactional revisions safe when the lock is turned off), and the plan is made again when another
 * process has moved it on. The engine's tables are addressed by the schema resolved at the start of the
 * run, and the session settings a script changes are put back after each revision.
 */
public final class MigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    private static final int MAX_REPLANS = 10_000;

    private final DataSource dataSource;
    private final RuntimeSettings settings;

    public MigrationRunner(DataSource dataSource, RuntimeSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** The version table's rows; empty for a database never migrated. Creates nothing. */
    public List<String> currentHeads() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            return new VersionTable(dialect, settings.versionTable()).read(connection);
        }
    }

    /** The log table's rows, oldest first. */
    public List<LogEntry> logEntries() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            return new MigrationLog(dialect, settings.logTable()).read(connection);
        }
    }

    /** The log's rows of repeatable scripts and downgrades, oldest first ({@link RepeatableHistory}); creates nothing. */
    public List<LogEntry> repeatableHistory() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            return new MigrationLog(dialect, settings.logTable()).readRepeatableHistory(connection);
        }
    }

    /** The heads, the log and the lock holder, on one connection; creates nothing. */
    public DatabaseState state() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            List<String> heads = new VersionTable(dialect, settings.versionTable()).read(connection);
            List<LogEntry> entries = new MigrationLog(dialect, settings.logTable()).read(connection);
            java.util.Optional<String> holder = switch (dialect.lockStrategy()) {
                case SESSION_LOCK -> AdvisoryLock.holder(connection, settings.versionTable());
                case LOCK_FILE -> SqliteRunLock.held(connection) ? java.util.Optional.of("another migration run (lock file "
                        + SqliteRunLock.lockFileOf(SqliteRunLock.databaseFile(connection).orElseThrow()) + ")")
                        : java.util.Optional.empty();
                case DIALECT_LOCK -> dialect.runLock().holder(connection, settings.versionTable());
            };
            return new DatabaseState(dialect.name(), heads, entries, holder);
        }
    }

    /** The dialect of the configured database. */
    public Dialect dialect() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection);
        }
    }

    /**
     * Runs what {@code planner} plans from the current heads ({@code direction}: what the run does, as callbacks
     * are told), re-planning if another process moves the database on meanwhile; {@code scripts} finds the script
     * of each step's revision, {@code listener} is told as each revision starts. First refuses to run when
     * {@code drift} finds applied scripts changed (unless {@link RuntimeSettings#validateOnMigrate()} is off):
     * checked once, under the lock, on the heads the run starts from; {@code drift} null checks nothing
     * (downgrades). The {@link MigrationCallback}s of the settings are called around the run and each revision.
     */
    public RunResult run(Direction direction, Function<List<String>, Plan> planner,
                         Function<String, MigrationScript> scripts, StepListener listener, DriftCheck drift)
            throws SQLException {
        return run(direction, planner, scripts, listener, drift, Repeatables.NONE);
    }

    /**
     * As {@link #run(Direction, Function, Function, StepListener, DriftCheck)}, then, when the run leaves the database
     * at head, applies the repeatable scripts that {@link RepeatableHistory} finds due, by name, each in a transaction
     * of its own, still under the lock and before the after-run callbacks. They are read and split with the plan's
     * scripts, before anything runs.
     */
    public RunResult run(Direction direction, Function<List<String>, Plan> planner,
                         Function<String, MigrationScript> scripts, StepListener listener, DriftCheck drift,
                         Repeatables repeatables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            Optional<RunResult> atTarget = nothingToDo(connection, dialect, new PlannedCheck(planner, drift, repeatables));
            if (atTarget.isPresent()) {
                return atTarget.get();
            }
            dialect.prepare(connection, settings.lockTimeout());
            try (MigrationLock ignored = lock(connection, dialect);
                 RunSession session = new RunSession(settings, connection, dialect, scripts, installedBy(connection), listener)) {
                try {
                    session.callRunCallbacks(direction, Callbacks.Stage.BEFORE_RUN, List.of(), "nothing was migrated");
                    RunResult result = runPlans(session, connection, planner, drift, repeatables);
                    if (!result.steps().isEmpty() || !result.repeatables().isEmpty()) {
                        recordDigest(session);
                    }
                    session.callRunCallbacks(direction, Callbacks.Stage.AFTER_RUN, result.steps(),
                            (result.steps().isEmpty() ? "nothing was pending" : "the revisions of the run stay applied")
                            + "; the database is at " + describe(result.toHeads()));
                    return result;
                } catch (SQLException | RuntimeException e) {
                    session.runFailed(direction, e);
                    throw e;
                }
            }
        }
    }

    /**
     * The check of a database already where the run would take it (every start of an application at head), made
     * without the lock and without writing: the version table and the log, one statement each in autocommit mode (when
     * the check knows the digest to expect, {@link LogDigest}, first the heads and the log's newest row in one
     * statement, {@link HeadsAndDigest}, and the whole log only when that row is not that digest)
     * (PostgreSQL also asks for the current schema, as the locked run does)
     * (a missing table fails its statement, which ends nothing but this check), then the plan, the repeatable
     * scripts due and the drift check on what was read. Present only when all three say there is nothing to do;
     * anything else - a pending revision, a repeatable script due, a changed script to refuse, a table not there
     * yet, any error - is left to the run under the lock, which reads everything again and answers as it always
     * did. Callbacks are told of every run, so with callbacks registered the run always takes the lock.
     *
     * <p>Why no lock is needed: what this returns is the truth at the time of the reads. A process migrating the
     * same database meanwhile either had not committed its first revision when the version table was read (the
     * answer "at head" is then what a start a moment earlier would have got; that process's changes land after it,
     * as they would have), or had, and this run then sees heads its plan does not match and takes the locked way.
     * The version table is read before the log (or with it, from one snapshot of both), so the log holds at least
     * the rows of the revisions read as applied. Flyway and Alembic give the same guarantee at head ("up to date
     * when checked").
     */
    private Optional<RunResult> nothingToDo(Connection connection, Dialect dialect, AtTargetCheck check) {
        if (!settings.callbacks().isEmpty()) {
            return Optional.empty();
        }
        try {
            // Autocommit: each read sees what is committed now, and a failed one leaves no transaction to abort.
            connection.setAutoCommit(true);
            // The tables the run under the lock would read (PostgreSQL: in the current schema, not wherever the
            // search path finds a table of that name), so that both ways give one answer.
            TableName versionTable = dialect.qualify(connection, settings.versionTable());
            TableName logTable = dialect.qualify(connection, settings.logTable());
            Optional<String> digest = check.digest();
            List<String> heads;
            if (digest.isPresent()) {
                Optional<HeadsAndDigest> read = HeadsAndDigest.read(connection, dialect, versionTable, logTable);
                if (read.isEmpty()) {
                    return Optional.empty(); // never migrated: the run under the lock creates the tables
                }
                heads = read.get().heads();
                if (check.target(heads).isPresent() && digest.equals(read.get().digest())) {
                    // the log ends with the digest of the scripts at hand: nothing changed, nothing due, no failure since
                    return Optional.of(new RunResult(heads, heads, List.of(), List.of()));
                }
            } else {
                if (!dialect.readsMissingTablesQuietly() && !dialect.tableExists(connection, versionTable)) {
                    return Optional.empty(); // never migrated: the run under the lock creates the tables
                }
                heads = new VersionTable(dialect, versionTable).readExisting(connection);
            }
            Optional<List<String>> target = check.target(heads);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            MigrationLog migrationLog = new MigrationLog(dialect, logTable);
            List<LogEntry> logRows = migrationLog.readExisting(connection);
            if (check.anythingDue(heads, target.get(), logRows, settings.validateOnMigrate())) {
                return Optional.empty();
            }
            List<FailedAttempt> earlier = FailedAttempt.unresolved(logRows);
            for (FailedAttempt failed : earlier) {
                log.warn("Earlier attempt: {}", failed.describe());
            }
            return Optional.of(new RunResult(heads, heads, List.of(), earlier));
        } catch (SQLException | RuntimeException e) {
            // a database never migrated lands here (no version table yet): nothing worth a stack trace
            log.debug("Checking without the lock found no answer ({}); the run takes the lock and reads again", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The lock-free check alone, on a connection of its own: present when {@code check} finds the database where an
     * upgrade would take it with nothing due, as {@link #run} would return it; empty when a run has to decide.
     */
    public Optional<RunResult> checkAtTarget(AtTargetCheck check) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return nothingToDo(connection, Dialect.of(connection), check);
        }
    }

    /** The lock-free check's questions answered by the run's own plan, repeatable scripts and drift check. */
    private record PlannedCheck(Function<List<String>, Plan> planner, DriftCheck drift, Repeatables repeatables)
            implements AtTargetCheck {

        @Override
        public Optional<List<String>> target(List<String> heads) {
            Plan plan = planner.apply(heads);
            return plan.isEmpty() ? Optional.of(plan.toHeads()) : Optional.empty();
        }

        @Override
        public boolean anythingDue(List<String> heads, List<String> target, List<LogEntry> log, boolean validate) {
            return repeatables.applyAt(target) && !RepeatableHistory.of(log).due(repeatables.scripts()).isEmpty()
                    || drift != null && validate && !drift.changed(heads, log).isEmpty();
        }
    }

    private RunResult runPlans(RunSession session, Connection connection, Function<List<String>, Plan> planner,
                               DriftCheck drift, Repeatables repeatables) throws SQLException {
        List<String> start = session.versionTable.read(connection);
        List<FailedAttempt> earlier;
        if (drift != null && settings.validateOnMigrate()) {
            // One read of the log serves both the drift check and the earlier failures.
            List<LogEntry> logRows = session.log.read(connection);
            drift.require(start, logRows);
            earlier = FailedAttempt.unresolved(logRows);
        } else {
            earlier = session.log.unresolvedFailures(connection);
        }
        for (FailedAttempt failed : earlier) {
            log.warn("Earlier attempt: {}", failed.describe());
        }
        List<AppliedStep> done = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_REPLANS; attempt++) {
            List<String> heads = attempt == 0 ? start : session.versionTable.read(connection);
            // Plan before creating anything: a bad target leaves a fresh database untouched.
            Plan plan = planner.apply(heads);
            List<RepeatableScript> due = repeatables.applyAt(plan.toHeads())
                    ? RepeatableHistory.of(session.log.readRepeatableHistory(connection)).due(repeatables.scripts())
                    : List.of();
            if (plan.isEmpty() && due.isEmpty()) {
                return new RunResult(start, heads, done, earlier);
            }
            session.readScripts(plan, due);
            session.createTables();
            if (session.runSteps(plan, done)) {
                List<AppliedRepeatable> applied = new RepeatableRun(session, settings.arguments()).apply(due);
                return new RunResult(start, session.versionTable.read(connection), done, earlier, applied);
            }
            log.info("Another process migrated this database meanwhile; planning again from its new state");
        }
        throw new ConcurrentMigrationException("The version table kept changing under this run while other processes "
                + "migrated the same database; run the command again");
    }

    /**
     * Ends the log of a run that wrote to it with the applied scripts' digest. Its steps stand committed whatever
     * happens here: a digest that could not be written only makes the next start read the whole log.
     */
    private static void recordDigest(RunSession session) {
        try {
            session.recordDigest();
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not end the log with the applied scripts' digest ({}); the next start reads the whole log",
                    e.toString());
        }
    }

    /** Sets the version table to {@code plan.toHeads()} without running anything (Alembic's stamp). */
    public RunResult stamp(Function<List<String>, Plan> planner) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            dialect.prepare(connection, settings.lockTimeout());
            try (MigrationLock ignored = lock(connection, dialect);
                 RunSession session = new RunSession(settings, connection, dialect, id -> null, installedBy(connection), StepListener.NONE)) {
                session.createTables();
                session.begin();
                try {
                    List<String> before = session.versionTable.read(connection);
                    Plan plan = planner.apply(before);
                    List<String> delete = new ArrayList<>(before);
                    delete.removeAll(plan.toHeads());
                    List<String> insert = new ArrayList<>(plan.toHeads());
                    insert.removeAll(before);
                    session.bookkeeping.change(delete, insert);
                    Instant now = Instant.now();
                    for (String head : insert) {
                        session.bookkeeping.append(new LogEntry(head, "stamp", null, null, now, 0,
                                session.installedBy, true, null));
                    }
                    dialect.commit(connection);
                    if (!insert.isEmpty()) {
                        // after the stamp committed, and never failing it: stamp is what a partial failure's message
                        // advises, and must not depend on reading every row of the log (a stamp that adds no row
                        // leaves the log, and its digest, as they were)
                        recordDigest(session);
                    }
                    return new RunResult(before, plan.toHeads(), List.of());
                } catch (SQLException | RuntimeException e) {
                    dialect.rollback(connection);
                    throw e;
                }
            }
        }
    }

    /**
     * {@code db repair}: appends a {@code repair} row with the script's checksum of today for each applied
     * revision {@code drift} finds changed, under the lock and in one transaction; the rows of what ran stay.
     */
    public List<ChangedScript> repair(DriftCheck drift) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            dialect.prepare(connection, settings.lockTimeout());
            try (MigrationLock ignored = lock(connection, dialect);
                 RunSession session = new RunSession(settings, connection, dialect, id -> null, installedBy(connection), StepListener.NONE)) {
                session.begin();
                try {
                    List<ChangedScript> changed = drift.changed(session.versionTable.read(connection),
                            session.log.read(connection));
                    Instant now = Instant.now();
                    for (ChangedScript script : changed) {
                        session.bookkeeping.append(script.repairEntry(now, session.installedBy));
                    }
                    if (!changed.isEmpty()) {
                        session.appendDigest();
                    }
                    dialect.commit(connection);
                    return changed;
                } catch (SQLException | RuntimeException e) {
                    dialect.rollback(connection);
                    throw e;
                }
            }
        }
    }

    /** The run's lock, on the run's own connection (or beside its database file), unless turned off. */
    private MigrationLock lock(Connection connection, Dialect dialect) throws SQLException {
        if (!settings.lockEnabled()) {
            return MigrationLock.NONE;
        }
        return switch (dialect.lockStrategy()) {
            case SESSION_LOCK -> AdvisoryLock.acquire(connection, settings.versionTable(), settings.lockTimeout());
            case LOCK_FILE -> SqliteRunLock.acquire(connection, settings.lockTimeout());
            case DIALECT_LOCK -> DialectRunLock.acquire(dialect, connection, settings.versionTable(), settings.lockTimeout());
        };
    }

    private static String installedBy(Connection connection) {
        try {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            return System.getProperty("user.name");
        }
    }

    /** What of a failed script ran before the failing statement, where DDL commits at once. */
    static String ranBefore(List<Integer> ran, String what) {
        return ran.isEmpty() ? "no statement of the " + what + " ran before it"
                : "the statement" + (ran.size() == 1 ? " at line " : "s at lines ")
                  + ran.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                  + " of the " + what + " ran before it and stay applied where they were DDL (this database commits DDL "
                  + "at once); undo them by hand or make the script skip them";
    }

    static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
