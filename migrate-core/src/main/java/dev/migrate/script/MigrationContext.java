package dev.migrate.script;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * What a {@link JavaMigration} gets to work with: the connection the revision runs on (inside the
 * revision's transaction unless the migration says otherwise) and the name of the database dialect.
 * The runtime commits, rolls back and records the revision; a migration must not commit or close.
 */
public interface MigrationContext {

    Connection connection();

    /** The dialect's name: {@code "sqlite"} or {@code "postgresql"}. */
    String dialectName();

    /**
     * The run's parameters ({@code -x key=value}, {@code migrate.parameters.*}): what an SQL script reads as
     * {@code ${key}}, as Alembic's {@code context.get_x_argument(as_dictionary=True)}.
     */
    default Map<String, String> parameters() {
        return Map.of();
    }

    /** The {@code --tag} argument of the command ({@code db upgrade --tag ...}), as Alembic's {@code get_tag_argument()}; null when none. */
    default String tag() {
        return null;
    }

    /** Executes one statement on {@link #connection()}. */
    void execute(String sql) throws SQLException;
}
