package dev.migrate.autoconfigure;

import dev.migrate.command.MigrateException;
import dev.migrate.runtime.MigrationFailedException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.sql.SQLException;
import java.util.List;

/**
 * Boot's "APPLICATION FAILED TO START" report, instead of "Application run failed" and a stack trace, when
 * the engine stops the start-up: for a failing revision, which one, the file and line of the statement and
 * the database's own message (or the callback that failed and its error), then what to do; for anything else the engine's one line. Listed in
 * META-INF/spring.factories. Names the database (the engine's bean name and URL) and, where the application migrates
 * several, gives the {@code db --database NAME} command lines for that one.
 */
public final class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

    private static final String START_WITHOUT_MIGRATING =
            "To start the application without touching the database, set migrate.on-startup=none.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
        if (findCause(rootFailure, BindException.class) != null) {
            // A migrate.* property that failed to bind: Boot's own report names the property, value and origin.
            return null;
        }
        EngineStartupFailure engine = EngineStartupFailure.in(cause);
        MigrationFailedException failed = find(cause);
        if (failed != null) {
            return revisionFailed(failed, engine, cause);
        }
        return new FailureAnalysis("The migration engine stopped the start-up: " + cause.getMessage()
                + (engine == null ? "" : "\n" + engineLine(engine)),
                "Do what the description says, then start the application again" + inspect(engine) + ". "
                        + START_WITHOUT_MIGRATING, cause);
    }

    private static FailureAnalysis revisionFailed(MigrationFailedException failed, EngineStartupFailure engine,
                                                  MigrateException cause) {
        if (failed.callback().isPresent()) {
            return callbackFailed(failed, failed.callback().get(), engine, cause);
        }
        String where = failed.location() + (failed.line() > 0 ? ":" + failed.line() : "");
        String description = "Revision " + failed.revision() + " failed while the database was migrated at start-up.\n"
                + engineLine(engine)
                + "\n    Script:   " + where
                + "\n    Database: " + databaseMessage(failed)
                + "\n    Now at:   " + describe(failed.headsAfter());
        String action = "Fix the statement at " + where + ", then start the application again (or run "
                + command(engine, "upgrade") + ")" + inspect(engine) + ". "
                + "A revision that runs in a transaction was rolled back, so its script can be edited in place; one "
                + "marked -- migrate:no-transaction keeps the statements before the failing one: check the database "
                + "first. " + START_WITHOUT_MIGRATING;
        return new FailureAnalysis(description, action, cause);
    }

    /** A {@code MigrationCallback} failed around a revision: the callback is to fix, not the script. */
    private static FailureAnalysis callbackFailed(MigrationFailedException failed, String callback,
                                                  EngineStartupFailure engine, MigrateException cause) {
        String description = "Revision " + failed.revision() + " failed while the database was migrated at start-up.\n"
                + engineLine(engine)
                + "\n    Callback: " + callback
                + "\n    Script:   " + failed.location()
                + "\n    Error:    " + databaseMessage(failed)
                + "\n    Now at:   " + describe(failed.headsAfter());
        String action = "Fix the callback " + callback + ", then start the application again (or run "
                + command(engine, "upgrade") + ")" + inspect(engine) + ". "
                + "Where the revision runs in a transaction, it was rolled back with what the callback did. "
                + START_WITHOUT_MIGRATING;
        return new FailureAnalysis(description, action, cause);
    }

    /** Which database: the engine's bean name and URL (never a password), when the initializer said. */
    private static String engineLine(EngineStartupFailure engine) {
        return engine == null ? "" : "\n    Engine:   " + engine.engine() + " (" + engine.url() + ")";
    }

    /** Where the engine is one of several, how to look at that database from the command line. */
    private static String inspect(EngineStartupFailure engine) {
        return engine == null || !engine.several() ? ""
                : "; inspect that database with " + command(engine, "current") + " or " + command(engine, "status");
    }

    private static String command(EngineStartupFailure engine, String verb) {
        return engine == null ? "'db " + verb + "'" : engine.command(verb);
    }

    private static String databaseMessage(MigrationFailedException failed) {
        Throwable error = failed.getCause();
        if (error == null) {
            return failed.getMessage();
        }
        String message = error instanceof SQLException ? error.getMessage() : error.toString();
        return message == null ? error.getClass().getName() : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /**
     * The revision failure behind the start-up's exception: the initializer rethrows the engine's exception as a
     * cause-less one and keeps the original as suppressed, so both the causes and the suppressed are searched.
     */
    static MigrationFailedException find(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof MigrationFailedException failed) {
                return failed;
            }
            for (Throwable suppressed : current.getSuppressed()) {
                MigrationFailedException found = find(suppressed);
                if (found != null) {
                    return found;
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
