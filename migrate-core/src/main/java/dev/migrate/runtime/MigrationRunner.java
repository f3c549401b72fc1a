package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.MigrationLockStrategy;
import dev.migrate.dialect.TableName;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.graph.Step;
import dev.migrate.script.JavaMigrationScript;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.RepeatableScript;
import dev.migrate.script.SqlMigrationScript;
import dev.migrate.script.SqlSyntax;
import dev.migrate.script.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
                 Session session = new Session(connection, dialect, scripts, installedBy(connection), listener)) {
                try {
                    session.callRunCallbacks(direction, Callbacks.Stage.BEFORE_RUN, List.of(), "nothing was migrated");
                    RunResult result = runPlans(session, connection, planner, drift, repeatables);
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
     * without the lock and without writing: the version table and the log, one statement each in autocommit mode
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
     * The version table is read before the log, so the log holds at least the rows of the revisions read as
     * applied. Flyway and Alembic give the same guarantee at head ("up to date when checked").
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
            if (!dialect.readsMissingTablesQuietly() && !dialect.tableExists(connection, versionTable)) {
                return Optional.empty(); // never migrated: the run under the lock creates the tables
            }
            List<String> heads = new VersionTable(dialect, versionTable).readExisting(connection);
            Optional<List<String>> target = check.target(heads);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            List<LogEntry> logRows = new MigrationLog(dialect, dialect.qualify(connection, settings.logTable()))
                    .readExisting(connection);
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

    private RunResult runPlans(Session session, Connection connection, Function<List<String>, Plan> planner,
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

    /** Sets the version table to {@code plan.toHeads()} without running anything (Alembic's stamp). */
    public RunResult stamp(Function<List<String>, Plan> planner) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            dialect.prepare(connection, settings.lockTimeout());
            try (MigrationLock ignored = lock(connection, dialect);
                 Session session = new Session(connection, dialect, id -> null, installedBy(connection), StepListener.NONE)) {
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
                 Session session = new Session(connection, dialect, id -> null, installedBy(connection), StepListener.NONE)) {
                session.begin();
                try {
                    List<ChangedScript> changed = drift.changed(session.versionTable.read(connection),
                            session.log.read(connection));
                    Instant now = Instant.now();
                    for (ChangedScript script : changed) {
                        session.bookkeeping.append(script.repairEntry(now, session.installedBy));
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

    /** One run's connection and the tables it writes. */
    private final class Session implements AutoCloseable, RepeatableRun.Host {

        private final Connection connection;
        private final Dialect dialect;
        private final Function<String, MigrationScript> scripts;
        private final String installedBy;
        private final StepListener listener;
        private final VersionTable versionTable;
        private final MigrationLog log;
        private final Bookkeeping bookkeeping;
        private final boolean verifyHeads;
        private final Map<String, String> sessionSettings;
        private final SqlSyntax syntax;
        private final Callbacks callbacks = new Callbacks(settings.callbacks());

        Session(Connection connection, Dialect dialect, Function<String, MigrationScript> scripts, String installedBy,
                StepListener listener) throws SQLException {
            this.listener = listener;
            this.connection = connection;
            this.dialect = dialect;
            this.scripts = scripts;
            this.installedBy = installedBy;
            // Qualified now: a script that empties the search path must not hide the engine's own tables.
            this.versionTable = new VersionTable(dialect, dialect.qualify(connection, settings.versionTable()));
            this.log = new MigrationLog(dialect, dialect.qualify(connection, settings.logTable()));
            this.bookkeeping = new Bookkeeping(connection, versionTable, log);
            // SQLite's write lock lets a re-read tell whether the plan still holds, should the run lock be off.
            this.verifyHeads = dialect.lockStrategy() == MigrationLockStrategy.LOCK_FILE;
            this.sessionSettings = dialect.sessionSettings(connection);
            // Put back after each revision too, so that every revision is read in the mode the run started in.
            this.syntax = ScriptStatements.syntax(dialect, dialect.sqlMode(sessionSettings));
        }

        /**
         * Opens a transaction; when SQLite's write lock stays taken by another connection for the whole lock
         * timeout, says so in one line.
         */
        @Override
        public void begin() throws SQLException {
            try {
                dialect.begin(connection);
            } catch (SQLException e) {
                if (!dialect.isBusy(e)) {
                    throw e;
                }
                String file = SqliteRunLock.databaseFile(connection).map(Object::toString).orElse("the database");
                throw new LockTimeoutException("Could not start a transaction: another process holds the write lock on "
                        + file + " and kept it longer than migrate.lock-timeout (" + settings.lockTimeout().toMillis() / 1000.0
                        + " s); let that process finish its transaction (or stop it), or raise migrate.lock-timeout, "
                        + "then run the command again");
            }
        }

        /** Puts back the session settings a script may have changed, so the next revision starts as the run did. */
        @Override
        public void restoreSession() throws SQLException {
            dialect.restoreSession(connection, sessionSettings);
        }

        @Override
        public void close() throws SQLException {
            bookkeeping.close();
        }

        /**
         * Calls the run's callbacks at {@code stage} in a transaction of their own; one that throws rolls it back and
         * fails the run, its message naming the callback and saying {@code state}.
         */
        void callRunCallbacks(Direction direction, Callbacks.Stage stage, List<AppliedStep> applied, String state)
                throws SQLException {
            if (callbacks.isEmpty()) {
                return;
            }
            begin();
            try {
                callbacks.call(stage, new MigrationEvent(direction, null, null, connection, dialect.name(), applied, null));
                dialect.commit(connection);
            } catch (Callbacks.Failure failure) {
                dialect.rollback(connection);
                String verb = direction.label();
                throw new CallbackFailedException(capitalized(verb) + " stopped: " + failure.describe() + " failed: "
                        + oneLine(String.valueOf(failure.getCause())) + "; " + state + ". Fix the callback and run "
                        + verb + " again.", failure.getCause());
            } catch (SQLException | RuntimeException e) {
                dialect.rollback(connection);
                throw e;
            }
        }

        /** The run failed: tells the callbacks, never hiding {@code failure} with what they throw. */
        void runFailed(Direction direction, Exception failure) {
            notifyFailure(failure, Callbacks.Stage.RUN_FAILED,
                    new MigrationEvent(direction, null, null, connection, dialect.name(), List.of(), failure));
        }

        /** Calls the callbacks at a failure stage in a transaction of their own; what they throw is only kept. */
        private void notifyFailure(Exception failure, Callbacks.Stage stage, MigrationEvent event) {
            if (callbacks.isEmpty()) {
                return;
            }
            try {
                dialect.rollback(connection);
                begin();
                try {
                    callbacks.call(stage, event);
                    dialect.commit(connection);
                } catch (SQLException | RuntimeException e) {
                    dialect.rollback(connection);
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                Throwable cause = e instanceof Callbacks.Failure callback ? callback.getCause() : e;
                String who = e instanceof Callbacks.Failure callback ? callback.describe() : "the " + stage.method() + " callbacks";
                MigrationRunner.log.warn("{} failed after the failure it was told of", who, cause);
                failure.addSuppressed(cause);
            }
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public SqlSyntax syntax() {
            return syntax;
        }

        @Override
        public Dialect dialect() {
            return dialect;
        }

        @Override
        public void append(LogEntry entry) throws SQLException {
            bookkeeping.append(entry);
        }

        @Override
        public String installedBy() {
            return installedBy;
        }

        @Override
        public StepListener listener() {
            return listener;
        }

        /**
         * Reads and splits every script of the plan and the repeatable scripts due after it, so that one that cannot
         * run stops the run before anything is applied.
         */
        void readScripts(Plan plan, List<RepeatableScript> repeatables) {
            for (Step step : plan.steps()) {
                if (scriptOf(step) instanceof SqlMigrationScript sql) {
                    ScriptStatements.of(step, sql, syntax, settings.arguments());
                }
            }
            for (RepeatableScript script : repeatables) {
                ScriptStatements.of(script, syntax, settings.arguments());
            }
        }

        /** The database's error in one line, a secret parameter's value hidden (a database may quote the statement). */
        @Override
        public String databaseError(Throwable cause) {
            return settings.arguments().redact(cause instanceof SQLException sql ? oneLine(sql.getMessage())
                    : oneLine(String.valueOf(cause)));
        }

        /**
         * After a failure and its rollback: puts the session settings back, appends the failed row (outside the rolled
         * back transaction, so the attempt stays on record) and returns the heads the database is at.
         */
        @Override
        public List<String> afterFailure(LogEntry failedRow) {
            try {
                // A no-transaction script's settings outlive its failure: the log row below must not inherit them.
                restoreSession();
            } catch (SQLException e) {
                MigrationRunner.log.warn("Could not restore the session settings after the failure", e);
            }
            List<String> heads;
            try {
                heads = versionTable.read(connection);
            } catch (SQLException e) {
                heads = List.of();
                MigrationRunner.log.warn("Could not read the version table after the failure", e);
            }
            try {
                bookkeeping.append(failedRow);
            } catch (SQLException e) {
                MigrationRunner.log.warn("Could not record the failure in the log table", e);
            }
            return heads;
        }

        void createTables() throws SQLException {
            begin();
            try {
                versionTable.createIfMissing(connection);
                log.createIfMissing(connection);
                dialect.commit(connection);
            } catch (SQLException | RuntimeException e) {
                dialect.rollback(connection);
                throw e;
            }
        }

        /** Runs the plan's steps; false when the heads moved under us and the plan must be made again. */
        boolean runSteps(Plan plan, List<AppliedStep> done) throws SQLException {
            List<String> expected = plan.fromHeads();
            boolean open = false;
            boolean suspended = false;
            List<AppliedStep> uncommitted = new ArrayList<>();
            try {
                for (Step step : plan.steps()) {
                    MigrationScript script = scriptOf(step);
                    // A script that needs foreign keys off, or no transaction, runs in a transaction of its own.
                    boolean alone = !script.transactional() || script.foreignKeysOff();
                    if (alone && open) {
                        dialect.commit(connection);
                        open = false;
                        done.addAll(uncommitted);
                        uncommitted.clear();
                    }
                    if (!script.transactional()) {
                        done.add(runOutsideTransaction(step, script, expected));
                    } else {
                        if (!open) {
                            // The pragma only takes effect outside a transaction: set it before BEGIN.
                            suspended = script.foreignKeysOff() && dialect.suspendForeignKeys(connection);
                            begin();
                            open = true;
                            if (verifyHeads && !sameHeads(bookkeeping.heads(), expected)) {
                                dialect.rollback(connection);
                                open = false;
                                suspended = resume(suspended);
                                return false;
                            }
                        }
                        uncommitted.add(runInTransaction(step, script));
                        // Where DDL commits by itself, the version row moves after each revision (Alembic's rule).
                        if (settings.transactionPerMigration() || alone || !dialect.transactionalDdl()) {
                            dialect.commit(connection);
                            open = false;
                            suspended = resume(suspended);
                            done.addAll(uncommitted);
                            uncommitted.clear();
                        }
                    }
                    expected = headsAfter(expected, step);
                }
                if (open) {
                    dialect.commit(connection);
                    done.addAll(uncommitted);
                }
                return true;
            } catch (StepFailure failure) {
                if (open) {
                    dialect.rollback(connection);
                }
                resume(suspended);
                MigrationFailedException exception = failed(failure);
                notifyFailure(exception, Callbacks.Stage.REVISION_FAILED, new MigrationEvent(failure.step.direction(),
                        failure.step, failure.script.message(), connection, dialect.name(), List.of(), exception));
                throw exception;
            } catch (SQLException | RuntimeException e) {
                if (open) {
                    dialect.rollback(connection);
                }
                resume(suspended);
                throw e;
            }
        }

        /** Turns foreign-key enforcement back on when a step turned it off; returns the new state (off no more). */
        private boolean resume(boolean suspended) throws SQLException {
            if (suspended) {
                dialect.resumeForeignKeys(connection);
            }
            return false;
        }

        private AppliedStep runInTransaction(Step step, MigrationScript script) throws SQLException {
            Instant started = Instant.now();
            long start = System.nanoTime();
            execute(step, script);
            long millis = (System.nanoTime() - start) / 1_000_000;
            try {
                restoreSession();
                bookkeeping.apply(step);
                bookkeeping.append(entry(step, script, started, millis, true, null));
            } catch (SQLException e) {
                throw notRecorded(step, e, dialect.transactionalDdl() ? "the revision was rolled back"
                        : "its DDL stays applied (this database commits DDL at once) but it is not recorded as applied: "
                          + "check its effect, then 'db stamp " + step.revision().id() + "'");
            }
            AppliedStep applied = new AppliedStep(step, script.message(), millis);
            MigrationRunner.log.info(applied.describe());
            return applied;
        }

        private AppliedStep runOutsideTransaction(Step step, MigrationScript script, List<String> expected)
                throws SQLException {
            if (verifyHeads && !sameHeads(bookkeeping.heads(), expected)) {
                throw new ConcurrentMigrationException("Another process changed the version table before non-transactional "
                        + "revision " + step.revision().id() + " (" + script.location() + ") could run; run upgrade again");
            }
            Instant started = Instant.now();
            long start = System.nanoTime();
            execute(step, script);
            long millis = (System.nanoTime() - start) / 1_000_000;
            try {
                restoreSession();
                begin();
                try {
                    bookkeeping.apply(step);
                    bookkeeping.append(entry(step, script, started, millis, true, null));
                    dialect.commit(connection);
                } catch (SQLException | RuntimeException e) {
                    dialect.rollback(connection);
                    throw e;
                }
            } catch (SQLException e) {
                throw notRecorded(step, e, "its statements ran (it has no transaction) but it is not recorded as "
                        + "applied: check its effect, then 'db stamp " + step.revision().id() + "'");
            }
            AppliedStep applied = new AppliedStep(step, script.message(), millis);
            MigrationRunner.log.info(applied.describe());
            return applied;
        }

        private void execute(Step step, MigrationScript script) {
            listener.starting(step, script.message());
            callRevisionCallbacks(Callbacks.Stage.BEFORE_REVISION, step, script, List.of());
            List<Integer> ran = runStatements(step, script);
            callRevisionCallbacks(Callbacks.Stage.AFTER_REVISION, step, script, ran);
        }

        /** A revision's callbacks, on the revision's connection (in its transaction where it has one). */
        private void callRevisionCallbacks(Callbacks.Stage stage, Step step, MigrationScript script, List<Integer> ran) {
            try {
                callbacks.call(stage, new MigrationEvent(step.direction(), step, script.message(), connection,
                        dialect.name(), List.of(), null));
            } catch (Callbacks.Failure failure) {
                throw new StepFailure(step, script, 0, failure.getCause(), ran, failure.who());
            }
        }

        /** The script's statements (or Java migration); the lines of the statements that ran. */
        private List<Integer> runStatements(Step step, MigrationScript script) {
            List<Integer> ran = new ArrayList<>();
            if (script instanceof SqlMigrationScript sql) {
                for (Statement statement : ScriptStatements.of(step, sql, syntax, settings.arguments())) {
                    try (java.sql.Statement jdbc = connection.createStatement()) {
                        jdbc.execute(statement.sql());
                    } catch (SQLException e) {
                        throw new StepFailure(step, script, statement.line(), e, ran, null);
                    }
                    ran.add(statement.line());
                }
            } else if (script instanceof JavaMigrationScript java) {
                JdbcMigrationContext context = new JdbcMigrationContext(connection, dialect.name(),
                        settings.arguments());
                try {
                    if (step.direction() == Direction.UPGRADE) {
                        java.migration().upgrade(context);
                    } else {
                        java.migration().downgrade(context);
                    }
                } catch (Exception e) {
                    throw new StepFailure(step, script, 0, e, List.of(), null);
                }
            }
            return ran;
        }

        private MigrationScript scriptOf(Step step) {
            MigrationScript script = scripts.apply(step.revision().id());
            if (script == null) {
                throw new IllegalStateException("No script for revision " + step.revision().id());
            }
            return script;
        }

        private LogEntry entry(Step step, MigrationScript script, Instant started, long millis, boolean success,
                               String error) {
            return new LogEntry(step.revision().id(), step.direction().label(), script.message(), script.checksum(),
                    started, millis, installedBy, success, error);
        }

        /** The bookkeeping after a revision failed: names the tables and the database's own error. */
        private SQLException notRecorded(Step step, SQLException e, String state) {
            return new SQLException("Could not record " + step.direction().label() + " of revision " + step.revision().id()
                    + " in " + versionTable.name() + " and " + log.name() + ": " + oneLine(e.getMessage())
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")") + "; " + state,
                    e.getSQLState(), e);
        }

        private MigrationFailedException failed(StepFailure failure) {
            Throwable cause = failure.getCause();
            String databaseError = databaseError(cause);
            String where = failure.callback != null ? "in callback " + failure.callback + " of " + failure.script.location()
                    : "at " + failure.script.location() + (failure.line > 0 ? ":" + failure.line : "");
            List<String> heads = afterFailure(entry(failure.step, failure.script, Instant.now(), 0, false,
                    FailedAttempt.errorText(failure.line, failure.script.transactional(),
                            failure.callback != null ? "callback " + failure.callback + ": " + databaseError
                                    : databaseError)));
            String state = failure.script.transactional() && !dialect.transactionalDdl()
                    ? nonTransactionalState(failure, heads)
                    : failure.script.transactional()
                    ? (settings.transactionPerMigration() ? "The revision was rolled back" : "The run was rolled back since "
                      + "its last commit (migrate.transaction-per-migration=false runs revisions in one transaction)")
                      + "; the database is at " + describe(heads)
                    : "The revision runs outside a transaction (-- migrate:no-transaction): its statements before line "
                      + failure.line + " stay applied; the version table says " + describe(heads);
            String message = failure.step.direction().label() + " of revision " + failure.step.revision().id()
                    + " failed " + where + ": " + databaseError + ". " + state
                    + ". Fix the " + (failure.callback != null ? "callback" : "script") + " and run "
                    + failure.step.direction().label() + " again.";
            return new MigrationFailedException(message, failure.step.revision().id(), failure.script.location(),
                    failure.line, heads, failure.callback, cause);
        }
    }

    /**
     * Where DDL commits by itself (MariaDB, H2) the rollback undoes little: the message names the statements of the
     * revision that ran, so that the user can undo them (or finish the revision) by hand before running again.
     */
    private static String nonTransactionalState(StepFailure failure, List<String> heads) {
        return ranBefore(failure.ran, "revision") + "; the version table says " + describe(heads);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
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

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static boolean sameHeads(List<String> actual, List<String> expected) {
        return new HashSet<>(actual).equals(new HashSet<>(expected));
    }

    private static List<String> headsAfter(List<String> heads, Step step) {
        List<String> after = new ArrayList<>(heads);
        after.removeAll(step.headsToDelete());
        after.addAll(step.headsToInsert());
        return after;
    }

    /** A statement of a step failed; carries where, so the message can say it. */
    private static final class StepFailure extends RuntimeException {
        private final transient Step step;
        private final transient MigrationScript script;
        private final int line;

        /** The lines of the statements of the revision that ran before the failing one. */
        private final transient List<Integer> ran;

        /** The callback that failed ({@code com.acme.Grants (afterRevision)}), null for a statement. */
        private final String callback;

        StepFailure(Step step, MigrationScript script, int line, Throwable cause, List<Integer> ran, String callback) {
            super(cause);
            this.callback = callback;
            this.step = step;
            this.script = script;
            this.line = line;
            this.ran = List.copyOf(ran);
        }
    }
}
