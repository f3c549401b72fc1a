package dev.migrate.runtime;

import dev.migrate.dialect.TableName;

import java.time.Duration;
import java.util.Objects;

/**
 * How revisions run: the names of the version and log tables, whether each revision gets its own
 * transaction (the default; off means one transaction for the whole run, as Alembic's default), the
 * migration lock (which can be turned off for transaction-pooling proxies that break session locks), and
 * whether an upgrade first refuses to run when an applied revision's script changed since it was applied
 * ({@code validateOnMigrate}, Flyway's setting of that name; see {@link DriftCheck}).
 */
public record RuntimeSettings(TableName versionTable, TableName logTable, boolean transactionPerMigration,
                              boolean lockEnabled, Duration lockTimeout, boolean validateOnMigrate) {

    public static final String DEFAULT_VERSION_TABLE = "alembic_version";
    public static final String DEFAULT_LOG_TABLE = "migrate_log";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    public RuntimeSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(logTable, "logTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(TableName.of(DEFAULT_VERSION_TABLE), TableName.of(DEFAULT_LOG_TABLE), true, true,
                DEFAULT_LOCK_TIMEOUT, true);
    }

    public RuntimeSettings withVersionTable(TableName table) {
        return new RuntimeSettings(table, logTable, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate);
    }

    public RuntimeSettings withLogTable(TableName table) {
        return new RuntimeSettings(versionTable, table, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate);
    }

    public RuntimeSettings withTransactionPerMigration(boolean value) {
        return new RuntimeSettings(versionTable, logTable, value, lockEnabled, lockTimeout, validateOnMigrate);
    }

    public RuntimeSettings withLock(boolean enabled, Duration timeout) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, enabled, timeout, validateOnMigrate);
    }

    public RuntimeSettings withValidateOnMigrate(boolean value) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout, value);
    }
}
