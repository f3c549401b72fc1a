package dev.migrate.script;

import java.util.List;
import java.util.Set;

/**
 * The second form of a revision, for data migrations that need code. It takes part in the revision
 * graph exactly like an SQL script: {@link #revision()} and {@link #revises()} play the header's
 * {@code Revision ID} and {@code Revises}.
 */
public interface JavaMigration {

    /** The revision id, unique among all scripts and Java migrations. */
    String revision();

    /** The revisions this one revises: empty for a base, several for a merge point. */
    List<String> revises();

    /** The one-line message shown by {@code history}. */
    String message();

    void upgrade(MigrationContext context) throws Exception;

    void downgrade(MigrationContext context) throws Exception;

    default Set<String> branchLabels() {
        return Set.of();
    }

    default List<String> dependsOn() {
        return List.of();
    }

    /** False for a migration whose work must run outside a transaction. */
    default boolean transactional() {
        return true;
    }

    /** A checksum recorded in the log table, or null when the migration has none worth tracking. */
    default String checksum() {
        return null;
    }
}
