package dev.migrate.dialect.sqlite;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.LogTableDdl;
import dev.migrate.dialect.MigrationLockStrategy;
import dev.migrate.dialect.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/** SQLite: transactional DDL, one writer at a time, no schemas beyond attached databases. */
public record SqliteDialect() implements Dialect {

    private static final SqliteDdl DDL = new SqliteDdl(new SqliteDialect());

    @Override
    public Ddl ddl() {
        return DDL;
    }

    private static final int SQLITE_BUSY = 5;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean matchesProduct(String productName) {
        return productName.toLowerCase(java.util.Locale.ROOT).contains("sqlite");
    }

    @Override
    public boolean matchesUrl(String jdbcUrl) {
        return jdbcUrl.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:sqlite:");
    }

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    public boolean supportsAutogenerate() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public void prepare(Connection connection, Duration lockTimeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // How long a statement waits for another writer before SQLite reports the database as busy.
            statement.execute("PRAGMA busy_timeout = " + Math.min(lockTimeout.toMillis(), Integer.MAX_VALUE));
        }
        // Transactions are opened by hand (BEGIN IMMEDIATE), which the driver allows only in autocommit mode.
        connection.setAutoCommit(true);
    }

    @Override
    public void begin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // IMMEDIATE takes the write lock now, so the version table read inside stays true until commit.
            statement.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT");
        }
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite rolls back by itself on some errors; "no transaction is active" is then harmless.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                throw e;
            }
        }
    }

    @Override
    public boolean isBusy(SQLException e) {
        // The driver reports the primary result code, or an extended one (SQLITE_BUSY_*) in its message.
        return (e.getErrorCode() & 0xFF) == SQLITE_BUSY || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
    }

    @Override
    public boolean suspendForeignKeys(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
            if (!rows.next() || rows.getInt(1) == 0) {
                return false;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = OFF");
        }
        return true;
    }

    @Override
    public java.util.List<String> offlineSuspendForeignKeys() {
        return java.util.List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    public void resumeForeignKeys(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
        }
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        String master = table.schema() == null ? "sqlite_master" : quote(table.schema()) + ".sqlite_master";
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?")) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public String createLogTable(TableName table) {
        // No AUTOINCREMENT: rows are never deleted, so the rowid alone keeps growing, and each insert
        // does not also write sqlite_sequence (a fourth table page in every revision's transaction).
        return LogTableDdl.create(table.render(this), "id INTEGER PRIMARY KEY", "VARCHAR(30)", "INTEGER");
    }

    @Override
    public String timestampLiteral(Instant instant) {
        // ISO-8601 text sorts and reads well in SQLite, which has no timestamp type.
        return literal(instant.toString());
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setString(index, instant.toString());
    }

    @Override
    public String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public MigrationLockStrategy lockStrategy() {
        return MigrationLockStrategy.LOCK_FILE;
    }
}
