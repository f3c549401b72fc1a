package dev.migrate.runtime;

import dev.migrate.graph.Step;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements a run issues around every revision - re-reading the heads, changing them, appending the
 * log row - each prepared once on the run's connection and reused, rather than built as text and parsed
 * by the database again for each of a thousand revisions. Statements are prepared on first use, since
 * the tables they name may not exist before the run creates them.
 */
final class Bookkeeping implements AutoCloseable {

    private final Connection connection;
    private final VersionTable versionTable;
    private final MigrationLog log;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>();

    Bookkeeping(Connection connection, VersionTable versionTable, MigrationLog log) {
        this.connection = connection;
        this.versionTable = versionTable;
        this.log = log;
    }

    /** The heads of a version table known to exist. */
    List<String> heads() throws SQLException {
        return VersionTable.heads(statement(versionTable.selectSql()));
    }

    /** Applies a step's head changes: an UPDATE when it swaps one head for another, as Alembic does. */
    void apply(Step step) throws SQLException {
        change(step.headsToDelete(), step.headsToInsert());
    }

    /** Deletes the heads {@code delete} and inserts {@code insert}, touching only what differs. */
    void change(List<String> delete, List<String> insert) throws SQLException {
        for (VersionTable.Edit edit : VersionTable.edits(delete, insert)) {
            if (edit instanceof VersionTable.Edit.Swap swap) {
                run(versionTable.updateSql(), "UPDATE to " + swap.to() + " from " + swap.from(), swap.to(), swap.from());
            } else if (edit instanceof VersionTable.Edit.Remove remove) {
                run(versionTable.deleteSql(), "DELETE of " + remove.head(), remove.head());
            } else if (edit instanceof VersionTable.Edit.Add add) {
                run(versionTable.insertSql(), "INSERT of " + add.head(), add.head());
            }
        }
    }

    /** Runs a version-table statement that must touch exactly one row. */
    private void run(String sql, String what, String... values) throws SQLException {
        PreparedStatement statement = statement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
        versionTable.expectOneRow(statement.executeUpdate(), what);
    }

    void append(LogEntry entry) throws SQLException {
        PreparedStatement insert = statement(log.insertSql());
        log.bind(insert, entry);
        insert.executeUpdate();
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (first != null) {
            throw first;
        }
    }
}
