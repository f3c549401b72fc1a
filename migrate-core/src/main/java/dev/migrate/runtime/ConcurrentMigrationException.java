package dev.migrate.runtime;

/** Another process changed the version table in a way this run could not safely follow. */
public final class ConcurrentMigrationException extends RuntimeException {

    public ConcurrentMigrationException(String message) {
        super(message);
    }
}
