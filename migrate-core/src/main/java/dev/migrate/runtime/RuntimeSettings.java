package dev.migrate.runtime;

import dev.migrate.dialect.TableName;
import dev.migrate.script.MigrationArguments;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How revisions run: the names of the version and log tables, whether each revision gets its own
 * transaction (the default; off means one transaction for the whole run, as Alembic's default), the
 * migration lock (which can be turned off for transaction-pooling proxies that break session locks), and
 * whether an upgrade first refuses to run when an applied revision's script changed since it was applied
 * ({@code validateOnMigrate}, Flyway's setting of that name; see {@link DriftCheck}), and the arguments scripts
 * and Java migrations are given ({@code -x}, {@code migrate.parameters.*}, {@code --tag}), and the
 * {@link MigrationCallback}s called around the run and each revision, in their order.
 */
public record RuntimeSettings(TableName versionTable, TableName logTable, boolean transactionPerMigration,
                              boolean lockEnabled, Duration lockTimeout, boolean validateOnMigrate,
                              MigrationArguments arguments, List<MigrationCallback> callbacks) {

    public static final String DEFAULT_VERSION_TABLE = "alembic_version";
    public static final String DEFAULT_LOG_TABLE = "migrate_log";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    public RuntimeSettings {
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(logTable, "logTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        arguments = arguments == null ? MigrationArguments.NONE : arguments;
        callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
    }

    /** The settings with the given arguments and no callbacks. */
    public RuntimeSettings(TableName versionTable, TableName logTable, boolean transactionPerMigration,
                           boolean lockEnabled, Duration lockTimeout, boolean validateOnMigrate,
                           MigrationArguments arguments) {
        this(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate, arguments,
                List.of());
    }

    /** The settings of the version and log tables, the transaction and the lock, with other arguments. */
    public RuntimeSettings(TableName versionTable, TableName logTable, boolean transactionPerMigration,
                           boolean lockEnabled, Duration lockTimeout, boolean validateOnMigrate) {
        this(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate,
                MigrationArguments.NONE);
    }

    public RuntimeSettings withArguments(MigrationArguments value) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout,
                validateOnMigrate, value, callbacks);
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(TableName.of(DEFAULT_VERSION_TABLE), TableName.of(DEFAULT_LOG_TABLE), true, true,
                DEFAULT_LOCK_TIMEOUT, true);
    }

    public RuntimeSettings withVersionTable(TableName table) {
        return new RuntimeSettings(table, logTable, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate, arguments, callbacks);
    }

    public RuntimeSettings withLogTable(TableName table) {
        return new RuntimeSettings(versionTable, table, transactionPerMigration, lockEnabled, lockTimeout, validateOnMigrate, arguments, callbacks);
    }

    public RuntimeSettings withTransactionPerMigration(boolean value) {
        return new RuntimeSettings(versionTable, logTable, value, lockEnabled, lockTimeout, validateOnMigrate, arguments, callbacks);
    }

    public RuntimeSettings withLock(boolean enabled, Duration timeout) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, enabled, timeout, validateOnMigrate, arguments, callbacks);
    }

    /** These settings with {@code callback} called after the callbacks already registered. */
    public RuntimeSettings withCallback(MigrationCallback callback) {
        List<MigrationCallback> all = new java.util.ArrayList<>(callbacks);
        all.add(java.util.Objects.requireNonNull(callback, "callback"));
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout,
                validateOnMigrate, arguments, all);
    }

    public RuntimeSettings withValidateOnMigrate(boolean value) {
        return new RuntimeSettings(versionTable, logTable, transactionPerMigration, lockEnabled, lockTimeout, value, arguments, callbacks);
    }
}
