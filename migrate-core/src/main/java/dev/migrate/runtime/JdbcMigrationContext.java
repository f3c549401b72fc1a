package dev.migrate.runtime;

import dev.migrate.script.MigrationContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The context a Java migration runs with: the revision's own connection. */
record JdbcMigrationContext(Connection connection, String dialectName) implements MigrationContext {

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
