package dev.migrate.test;

/**
 * A migration check that found a problem: an {@link AssertionError}, so that test frameworks report it as a failed
 * assertion, with a message that names the revision, what differed and the {@code db} commands that reproduce it.
 */
public final class MigrationCheckFailure extends AssertionError {

    public MigrationCheckFailure(String message) {
        super(message);
    }

    public MigrationCheckFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
