package dev.migrate.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Reports a non-interactive Shell run (a script, {@code @file}) that a failed {@code db} command stopped in one
 * line instead of Boot's "Application run failed" and a stack trace: the command has already printed what went
 * wrong ({@code --debug} adds the engine's stack trace there). Boot still exits with the command's status.
 * Listed in META-INF/spring.factories.
 */
public final class DbCommandFailureReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(DbCommandFailureReporter.class);

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DbCommandFailedException failed) {
                log.error("{}; the commands after it were not run", failed.getMessage());
                return true;
            }
        }
        return false;
    }
}
