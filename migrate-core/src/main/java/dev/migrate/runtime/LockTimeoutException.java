package dev.migrate.runtime;

import dev.migrate.dialect.TableName;

import java.time.Duration;

/** Another process kept the migration lock (or SQLite's write lock) longer than this one was willing to wait. */
public final class LockTimeoutException extends RuntimeException {

    public LockTimeoutException(TableName versionTable, Duration timeout, String holder) {
        super("Could not get the migration lock for " + versionTable + " within " + timeout.toSeconds()
                + " s: it is held by " + holder + "; wait for that migration to finish, or raise migrate.lock-timeout");
    }

    public LockTimeoutException(String message) {
        super(message);
    }
}
