package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.MigrationLockStrategy;
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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One run's connection and the tables it writes: opens each revision's transaction, runs its statements and
 * callbacks, moves the version table and writes the log row with it, and turns a failing statement into one message
 * that says where it failed and what of the revision ran ({@link MigrationRunner} decides what to run).
 */
final class RunSession implements AutoCloseable, RepeatableRun.Host {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    final Connection connection;
    private final Dialect dialect;
    private final Function<String, MigrationScript> scripts;
    final String installedBy;
    private final StepListener listener;
    final VersionTable versionTable;
    final MigrationLog log;
    final Bookkeeping bookkeeping;
    private final boolean verifyHeads;
    private final Map<String, String> sessionSettings;
    private final SqlSyntax syntax;
    private final RuntimeSettings settings;
    private final Callbacks callbacks;

    RunSession(RuntimeSettings settings, Connection connection, Dialect dialect,
               Function<String, MigrationScript> scripts, String installedBy, StepListener listener) throws SQLException {
        this.settings = settings;
        this.callbacks = new Callbacks(settings.callbacks());
        this.listener = listener;
        this.connection = connection;
        this.scripts = scripts;
        this.installedBy = installedBy;
        this.sessionSettings = dialect.sessionSettings(connection);
        String sqlMode = dialect.sqlMode(sessionSettings);
        // Put back after each revision too, so that every revision is read in the mode the run started in.
        this.syntax = ScriptStatements.syntax(dialect, sqlMode);
        // the literals the engine writes are read in that mode as well
        this.dialect = dialect.inSqlMode(sqlMode);
        // Qualified now: a script that empties the search path must not hide the engine's own tables.
        this.versionTable = new VersionTable(this.dialect, dialect.qualify(connection, settings.versionTable()));
        this.log = new MigrationLog(this.dialect, dialect.qualify(connection, settings.logTable()));
        this.bookkeeping = new Bookkeeping(connection, versionTable, log);
        // SQLite's write lock lets a re-read tell whether the plan still holds, should the run lock be off.
        this.verifyHeads = dialect.lockStrategy() == MigrationLockStrategy.LOCK_FILE;
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
                    + file + " and kept it longer than migrate.lock-timeout ("
                    + LockTimeoutException.seconds(settings.lockTimeout()) + "); let that process finish its transaction (or stop it), or raise migrate.lock-timeout, "
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
            LOG.warn("{} failed after the failure it was told of", who, cause);
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
            LOG.warn("Could not restore the session settings after the failure", e);
        }
        List<String> heads;
        try {
            heads = versionTable.read(connection);
        } catch (SQLException e) {
            heads = List.of();
            LOG.warn("Could not read the version table after the failure", e);
        }
        try {
            bookkeeping.append(failedRow);
        } catch (SQLException e) {
            LOG.warn("Could not record the failure in the log table", e);
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
        LOG.info(applied.describe());
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
        LOG.info(applied.describe());
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
                  + "; the database is at " + MigrationRunner.describe(heads)
                : "The revision runs outside a transaction (-- migrate:no-transaction): its statements before line "
                  + failure.line + " stay applied; the version table says " + MigrationRunner.describe(heads);
        String message = failure.step.direction().label() + " of revision " + failure.step.revision().id()
                + " failed " + where + ": " + databaseError + ". " + state
                + ". Fix the " + (failure.callback != null ? "callback" : "script") + " and run "
                + failure.step.direction().label() + " again.";
        return new MigrationFailedException(message, failure.step.revision().id(), failure.script.location(),
                failure.line, heads, failure.callback, cause);
    }

    /**
     * Where DDL commits by itself (MariaDB, H2) the rollback undoes little: the message names the statements of the
     * revision that ran, so that the user can undo them (or finish the revision) by hand before running again.
     */
    private static String nonTransactionalState(StepFailure failure, List<String> heads) {
        return MigrationRunner.ranBefore(failure.ran, "revision") + "; the version table says " + MigrationRunner.describe(heads);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
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
