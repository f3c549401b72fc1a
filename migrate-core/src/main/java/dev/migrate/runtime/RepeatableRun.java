package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.script.MigrationArguments;
import dev.migrate.script.RepeatableScript;
import dev.migrate.script.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the repeatable scripts due after the revisions of a run, on the run's connection and under its lock: in
 * order, each in a transaction of its own with its log row (a no-transaction one runs its statements first, then
 * records them). The first that fails stops the run, with its failed log row and one line saying where; the
 * revisions and the repeatable scripts before it stay applied.
 */
final class RepeatableRun {

    private static final Logger log = LoggerFactory.getLogger(RepeatableRun.class);

    /** What the run's session offers: its connection, transactions, log and what to do after a failure. */
    interface Host {
        Connection connection();

        Dialect dialect();

        /** How the session reads scripts (its SQL mode, read once at the start of the run). */
        dev.migrate.script.SqlSyntax syntax();

        void begin() throws SQLException;

        /** Puts back the session settings a script may have changed. */
        void restoreSession() throws SQLException;

        void append(LogEntry entry) throws SQLException;

        String installedBy();

        StepListener listener();

        /** The database's error in one line, secret parameter values hidden. */
        String databaseError(Throwable cause);

        /** After a failure and its rollback: settings put back, {@code failedRow} appended; the heads the database is at. */
        List<String> afterFailure(LogEntry failedRow);
    }

    private final Host host;
    private final MigrationArguments arguments;

    RepeatableRun(Host host, MigrationArguments arguments) {
        this.host = host;
        this.arguments = arguments;
    }

    List<AppliedRepeatable> apply(List<RepeatableScript> due) throws SQLException {
        Dialect dialect = host.dialect();
        List<AppliedRepeatable> applied = new ArrayList<>();
        for (RepeatableScript script : due) {
            host.listener().startingRepeatable(script.name(), script.message());
            boolean open = false;
            try {
                if (script.transactional()) {
                    host.begin();
                    open = true;
                }
                Instant started = Instant.now();
                long start = System.nanoTime();
                execute(script);
                long millis = (System.nanoTime() - start) / 1_000_000;
                host.restoreSession();
                if (!open) {
                    host.begin();
                    open = true;
                }
                host.append(entry(script, started, millis, true, null));
                dialect.commit(host.connection());
                open = false;
                AppliedRepeatable done = new AppliedRepeatable(script.name(), script.message(), script.location(), millis);
                log.info(done.describe());
                applied.add(done);
            } catch (Failure failure) {
                if (open) {
                    dialect.rollback(host.connection());
                }
                throw failed(failure);
            } catch (SQLException | RuntimeException e) {
                if (open) {
                    dialect.rollback(host.connection());
                }
                throw e;
            }
        }
        return applied;
    }

    private void execute(RepeatableScript script) {
        List<Integer> ran = new ArrayList<>();
        for (Statement statement : ScriptStatements.of(script, host.syntax(), arguments)) {
            try (java.sql.Statement jdbc = host.connection().createStatement()) {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                throw new Failure(script, statement.line(), e, ran);
            }
            ran.add(statement.line());
        }
    }

    private LogEntry entry(RepeatableScript script, Instant started, long millis, boolean success, String error) {
        return new LogEntry(script.name(), LogEntry.REPEATABLE, script.message(), script.checksum(), started, millis,
                host.installedBy(), success, error);
    }

    /** The failed log row, and one line saying where, why, and what stays applied. */
    private MigrationFailedException failed(Failure failure) {
        RepeatableScript script = failure.script;
        String databaseError = host.databaseError(failure.getCause());
        List<String> heads = host.afterFailure(entry(script, Instant.now(), 0, false,
                FailedAttempt.errorText(failure.line, script.transactional(), databaseError)));
        String state = !script.transactional()
                ? "It runs outside a transaction (-- migrate:no-transaction): its statements before line " + failure.line
                  + " stay applied"
                : host.dialect().transactionalDdl() ? "It was rolled back"
                : "It was rolled back, but " + MigrationRunner.ranBefore(failure.ran, "repeatable script");
        String message = "Repeatable script " + script.name() + " failed at " + script.location() + ":" + failure.line
                + ": " + databaseError + ". " + state + "; the revisions of this run stay applied and the database is at "
                + MigrationRunner.describe(heads) + ". Fix the script and run upgrade again.";
        return new MigrationFailedException(message, script.name(), script.location(), failure.line, heads,
                failure.getCause());
    }

    /** A statement of a repeatable script failed; carries where, so the message can say it. */
    private static final class Failure extends RuntimeException {
        private final transient RepeatableScript script;
        private final int line;

        /** The lines of the statements of the script that ran before the failing one. */
        private final transient List<Integer> ran;

        Failure(RepeatableScript script, int line, Throwable cause, List<Integer> ran) {
            super(cause);
            this.script = script;
            this.line = line;
            this.ran = List.copyOf(ran);
        }
    }
}
