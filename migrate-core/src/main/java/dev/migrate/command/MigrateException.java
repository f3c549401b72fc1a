package dev.migrate.command;

/**
 * The one error type front ends catch: its message is the line to show the user (what failed, where,
 * what to do). The cause keeps the engine's own exception for logs and {@code --debug}.
 */
public final class MigrateException extends RuntimeException {

    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }

    public MigrateException(String message) {
        super(message);
    }
}
