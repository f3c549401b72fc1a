package dev.migrate.autogenerate;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tables that other libraries of a Spring application create and own, under the names their own schema
 * scripts give them (default prefixes): no model describes them, yet a generated script must not drop them.
 * Autogenerate leaves them alone unless a model describes them; {@link CompareOptions.Builder#libraryTables}
 * changes or empties the list ({@code migrate.keep-library-tables=false} in the Spring layer).
 * Names are compared without regard to case (PostgreSQL folds them to lower case, SQLite keeps them as written).
 */
public final class LibraryTables {

    /** Spring Batch's job repository ({@code schema-*.sql}; the {@code _SEQ} tables stand for sequences on SQLite and MySQL). */
    public static final Set<String> SPRING_BATCH = names("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_SEQ", "BATCH_JOB_EXECUTION_SEQ", "BATCH_STEP_EXECUTION_SEQ");

    /** Spring Session JDBC. */
    public static final Set<String> SPRING_SESSION = names("SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES");

    /** Quartz's JDBC job store ({@code tables_*.sql}). */
    public static final Set<String> QUARTZ = names("QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS",
            "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS",
            "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS");

    /** ShedLock's JDBC lock provider. */
    public static final Set<String> SHEDLOCK = names("shedlock");

    /** Spring Integration JDBC: message store, channel message store, lock registry, metadata store. */
    public static final Set<String> SPRING_INTEGRATION = names("INT_MESSAGE", "INT_GROUP_TO_MESSAGE",
            "INT_MESSAGE_GROUP", "INT_LOCK", "INT_CHANNEL_MESSAGE", "INT_METADATA_STORE");

    /** Spring Modulith's JDBC event publication registry (and its archive, in archive completion mode). */
    public static final Set<String> SPRING_MODULITH = names("EVENT_PUBLICATION", "EVENT_PUBLICATION_ARCHIVE");

    /** Flyway's schema history table. */
    public static final Set<String> FLYWAY = names("flyway_schema_history");

    /** Liquibase's change log and its lock. */
    public static final Set<String> LIQUIBASE = names("DATABASECHANGELOG", "DATABASECHANGELOGLOCK");

    /** All of the above: the default of {@link CompareOptions}. */
    public static final Set<String> DEFAULTS = Stream.of(SPRING_BATCH, SPRING_SESSION, QUARTZ, SHEDLOCK,
            SPRING_INTEGRATION, SPRING_MODULITH, FLYWAY, LIQUIBASE).flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    private LibraryTables() {
    }

    /** Names in lower case, as they are compared. */
    static Set<String> names(String... names) {
        return Stream.of(names).map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
