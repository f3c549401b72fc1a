package dev.migrate.runtime;

import dev.migrate.dialect.TableName;

import java.time.Duration;

/** Another process kept the migration lock (or SQLite's write lock) longer than this one was willing to wait. */
public final class LockTimeoutException extends RuntimeException {

    public LockTimeoutException(TableName versionTable, Duration timeout, String holder) {
        super("Could not get the migration lock for " + versionTable + " within " + seconds(timeout)
                + ": it is held by " + holder + "; wait for that migration to finish, or raise migrate.lock-timeout");
    }

    public LockTimeoutException(String message) {
        super(message);
    }

    /** A timeout as the messages say it: {@code 30 s}, {@code 0.3 s} (whole seconds would say "0 s" for 300 ms). */
    static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
    }
}
