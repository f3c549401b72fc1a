package dev.migrate.runtime;

/** A {@link MigrationCallback} failed before or after the run's revisions; the message names it and says what ran. */
public final class CallbackFailedException extends RuntimeException {

    public CallbackFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
