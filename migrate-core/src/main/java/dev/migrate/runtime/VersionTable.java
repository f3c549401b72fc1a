package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.TableName;

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
        try (PreparedStatement statement = connection.prepareStatement(selectSql())) {
            return heads(statement);
        }
    }

    /**
     * The applied heads in one statement, without first asking whether the table exists: the statement fails when it
     * does not (for a caller that has another way to go then, such as {@link MigrationRunner}'s check at head).
     */
    List<String> readExisting(Connection connection) throws SQLException {
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

    /**
     * The row edits of a head change, touching only what differs: an UPDATE for each head swapped for another
     * (as Alembic does), then the DELETEs and INSERTs left over. Online and offline SQL both render these.
     */
    static List<Edit> edits(List<String> delete, List<String> insert) {
        List<Edit> edits = new ArrayList<>();
        int swaps = Math.min(delete.size(), insert.size());
        for (int i = 0; i < swaps; i++) {
            edits.add(new Edit.Swap(delete.get(i), insert.get(i)));
        }
        delete.subList(swaps, delete.size()).forEach(head -> edits.add(new Edit.Remove(head)));
        insert.subList(swaps, insert.size()).forEach(head -> edits.add(new Edit.Add(head)));
        return edits;
    }

    /** One row edit of the version table. */
    sealed interface Edit {
        record Swap(String from, String to) implements Edit {
        }

        record Remove(String head) implements Edit {
        }

        record Add(String head) implements Edit {
        }
    }

    /** A head change that did not touch exactly one row means another process moved the table meanwhile. */
    void expectOneRow(int count, String what) throws SQLException {
        if (count != 1) {
            throw new SQLException("Version table " + table + " was changed by someone else while migrating: '"
                    + what + "' matched " + count + " rows instead of 1; run 'current' and try again");
        }
    }

    /** The statements of a head change with literals, for offline SQL. */
    public List<String> changeStatements(List<String> delete, List<String> insert) {
        String target = table.render(dialect);
        List<String> statements = new ArrayList<>();
        for (Edit edit : edits(delete, insert)) {
            // Java 17: no pattern matching in switch; the sealed interface keeps the three cases closed.
            if (edit instanceof Edit.Swap swap) {
                statements.add("UPDATE " + target + " SET version_num = " + dialect.literal(swap.to())
                        + " WHERE version_num = " + dialect.literal(swap.from()));
            } else if (edit instanceof Edit.Remove remove) {
                statements.add("DELETE FROM " + target + " WHERE version_num = " + dialect.literal(remove.head()));
            } else if (edit instanceof Edit.Add add) {
                statements.add("INSERT INTO " + target + " (version_num) VALUES (" + dialect.literal(add.head()) + ")");
            }
        }
        return statements;
    }
}
