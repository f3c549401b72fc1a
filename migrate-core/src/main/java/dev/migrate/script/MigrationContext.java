package dev.migrate.script;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a {@link JavaMigration} gets to work with: the connection the revision runs on (inside the
 * revision's transaction unless the migration says otherwise) and the name of the database dialect.
 * The runtime commits, rolls back and records the revision; a migration must not commit or close.
 */
public interface MigrationContext {

    Connection connection();

    /** The dialect's name: {@code "sqlite"} or {@code "postgresql"}. */
    String dialectName();

    /** Executes one statement on {@link #connection()}. */
    void execute(String sql) throws SQLException;
}
