package dev.migrate.script;

import dev.migrate.graph.Revision;

/**
 * A loaded revision: an SQL script file or a {@link JavaMigration}. Headers are read when the script
 * set loads; an SQL script's body is read and split only when it is about to run or be shown.
 */
public sealed interface MigrationScript permits SqlMigrationScript, JavaMigrationScript {

    Revision revision();

    default String id() {
        return revision().id();
    }

    /** The first line of the header (the {@code -m} message); {@code "empty message"} when none was given. */
    String message();

    /** The header's {@code Create Date} text, or null. */
    String createDate();

    /** Where it comes from, for messages: a file path, a classpath resource or a class name. */
    String location();

    /** False when the script says {@code -- migrate:no-transaction}. */
    boolean transactional();

    /**
     * True when the script says {@code -- migrate:foreign-keys-off}: on SQLite it runs with foreign-key
     * enforcement off (a table rebuild must not cascade deletes to child rows) and checks them after.
     */
    default boolean foreignKeysOff() {
        return false;
    }

    /** A versioned checksum of the normalised content ({@code "v1:<sha-256 hex>"}), or null. */
    String checksum();
}
