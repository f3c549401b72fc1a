package dev.migrate.runtime;

import dev.migrate.script.MigrationArguments;
import dev.migrate.script.MigrationContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** The context a Java migration runs with: the revision's own connection and the run's arguments. */
record JdbcMigrationContext(Connection connection, String dialectName, MigrationArguments arguments)
        implements MigrationContext {

    @Override
    public Map<String, String> parameters() {
        return arguments.parameters();
    }

    @Override
    public String tag() {
        return arguments.tag();
    }

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
