package dev.migrate.runtime;

import dev.migrate.dialect.TableName;
import dev.migrate.script.MigrationArguments;

import java.time.Duration;
import java.util.Objects;

/**
 * How revisions run: the names of the version and log tables, whether each revision gets its own
 * transaction (the default; off means one transaction for the whole run, as Alembic's default), the
 * migration lock (which can be turned off for transaction-pooling proxies that break session locks), and
 * whether an upgrade first refuses to run when an applied revision's script changed since it was applied
 * ({@code validateOnMigrate}, Flyway's setting of that name; see {@link DriftCheck}), and the arguments scripts
 * and Java migrations are given ({@code -x}, {@code migrate.parameters.*}, {@code --tag}).
 */
public record RuntimeSettings(TableName versionTable, TableName logTable, boolean transactionPerMigration,
                              boolean lockEnabled, Duration lockTimeout, boolean validateOnMigrate,
                              MigrationArguments arguments) {

    public static final String DEFAULT_VERSION_TABLE = "alembic_version";
    public static final String DEFAULT_LOG_TABLE = "migrate_log";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    public RuntimeSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(logTable, "logTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        arguments = arguments == null ? MigrationArguments.NONE : arguments;
    }

    /** The settings of the version and log tables, the transaction and the lock, with other arguments. */
    public RuntimeSettings(TableName versionTable, TableName logTable, boolean transactionPerMigration,
                           boolean lockEnabled, Duration lockTimeout, boolean validateOnMigrate) {
        this(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate,
                MigrationArguments.NONE);
    }

    public RuntimeSettings withArguments(MigrationArguments value) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout,
                validateOnMigrate, value);
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(TableName.of(DEFAULT_VERSION_TABLE), TableName.of(DEFAULT_LOG_TABLE), true, true,
                DEFAULT_LOCK_TIMEOUT, true);
    }

    public RuntimeSettings withVersionTable(TableName table) {
        return new RuntimeSettings(table, logTable, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate, arguments);
    }

    public RuntimeSettings withLogTable(TableName table) {
        return new RuntimeSettings(versionTable, table, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate, arguments);
    }

    public RuntimeSettings withTransactionPerMigration(boolean value) {
        return new RuntimeSettings(versionTable, logTable, value, lockEnabled, lockTimeout, validateOnMigrate, arguments);
    }

    public RuntimeSettings withLock(boolean enabled, Duration timeout) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, enabled, timeout, validateOnMigrate, arguments);
    }

    public RuntimeSettings withValidateOnMigrate(boolean value) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout, value, arguments);
    }
}
