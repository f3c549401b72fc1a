package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.TableName;
import dev.migrate.graph.Step;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Alembic's version table: {@code version_num VARCHAR(32)}, one row per applied head. Reading it never
 * creates it, so read-only commands leave a fresh database untouched.
 */
public final class VersionTable {

    private final Dialect dialect;
    private final TableName table;

    public VersionTable(Dialect dialect, TableName table) {
        this.dialect = dialect;
        this.table = table;
    }

    public TableName name() {
        return table;
    }

    /** The applied heads, sorted; empty when the table does not exist yet. */
    public List<String> read(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, table)) {
            return List.of();
        }
        return readExisting(connection);
    }

    /** The applied heads of a version table known to exist: one query. */
    public List<String> readExisting(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectSql())) {
            return heads(statement);
        }
    }

    /** The heads {@code statement}, prepared from {@link #selectSql()}, returns. */
    static List<String> heads(PreparedStatement statement) throws SQLException {
        List<String> heads = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                heads.add(rows.getString(1));
            }
        }
        return heads;
    }

    String selectSql() {
        return "SELECT version_num FROM " + table.render(dialect) + " ORDER BY version_num";
    }

    /** Swaps one head for another: parameters are the new head, then the old one. */
    String updateSql() {
        return "UPDATE " + table.render(dialect) + " SET version_num = ? WHERE version_num = ?";
    }

    String deleteSql() {
        return "DELETE FROM " + table.render(dialect) + " WHERE version_num = ?";
    }

    String insertSql() {
        return "INSERT INTO " + table.render(dialect) + " (version_num) VALUES (?)";
    }

    public void createIfMissing(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, table)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(dialect.createVersionTable(table));
            }
        }
    }

    /** Applies a step's head changes: an UPDATE when it swaps one head for another, as Alembic does. */
    public void apply(Connection connection, Step step) throws SQLException {
        change(connection, step.headsToDelete(), step.headsToInsert());
    }

    /** Replaces the rows {@code from} with {@code to}, touching only what differs. */
    public void change(Connection connection, List<String> delete, List<String> insert) throws SQLException {
        for (String sql : changeStatements(delete, insert)) {
            try (Statement statement = connection.createStatement()) {
                expectOneRow(statement.executeUpdate(sql), sql);
            }
        }
    }

    /** A head change that did not touch exactly one row means another process moved the table meanwhile. */
    void expectOneRow(int count, String what) throws SQLException {
        if (count != 1) {
            throw new SQLException("Version table " + table + " was changed by someone else while migrating: '"
                    + what + "' matched " + count + " rows instead of 1; run 'current' and try again");
        }
    }

    /** The statements of a head change, with literals, for both online use and offline SQL. */
    public List<String> changeStatements(List<String> delete, List<String> insert) {
        List<String> statements = new ArrayList<>();
        String target = table.render(dialect);
        int swaps = Math.min(delete.size(), insert.size());
        for (int i = 0; i < swaps; i++) {
            statements.add("UPDATE " + target + " SET version_num = " + dialect.literal(insert.get(i))
                    + " WHERE version_num = " + dialect.literal(delete.get(i)));
        }
        for (String head : delete.subList(swaps, delete.size())) {
            statements.add("DELETE FROM " + target + " WHERE version_num = " + dialect.literal(head));
        }
        for (String head : insert.subList(swaps, insert.size())) {
            statements.add("INSERT INTO " + target + " (version_num) VALUES (" + dialect.literal(head) + ")");
        }
        return statements;
    }
}
