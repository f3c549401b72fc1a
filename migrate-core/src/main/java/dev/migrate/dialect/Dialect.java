package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the engine must know about one kind of database: quoting, the DDL of its own tables, how a
 * transaction is opened, whether DDL is transactional, and which migration lock it offers.
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect {

    Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** {@code "sqlite"} or {@code "postgresql"}. */
    String name();

    /** Picks the dialect from the connection's metadata. */
    static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return forProductName(metaData.getDatabaseProductName());
    }

    static Dialect forProductName(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return new SqliteDialect();
        }
        if (product.contains("postgres")) {
            return new PostgresDialect();
        }
        throw new UnsupportedDatabaseException(productName);
    }

    static Dialect named(String name) {
        return forProductName(name);
    }

    /** Whether a failing DDL statement rolls back with its transaction (both databases here: yes). */
    boolean transactionalDdl();

    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    default String quoteIfNeeded(String identifier) {
        return PLAIN_IDENTIFIER.matcher(identifier).matches() ? identifier : quote(identifier);
    }

    default String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    /** Settings applied once to every connection the engine runs on (SQLite: busy timeout). */
    void prepare(Connection connection) throws SQLException;

    /** Opens a transaction for one revision; SQLite takes the write lock at once. */
    void begin(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /** The statement that opens a transaction in offline SQL. */
    default String offlineBegin() {
        return "BEGIN;";
    }

    default String offlineCommit() {
        return "COMMIT;";
    }

    boolean tableExists(Connection connection, TableName table) throws SQLException;

    /** Alembic's own DDL for the version table, so that Flask-Migrate databases look the same. */
    default String createVersionTable(TableName table) {
        return "CREATE TABLE " + table.render(this) + " (\n    version_num VARCHAR(32) NOT NULL,\n    CONSTRAINT "
                + quoteIfNeeded(table.name() + "_pkc") + " PRIMARY KEY (version_num)\n)";
    }

    /** The append-only log of every revision run: what, which way, checksum, when, how long, who, outcome. */
    String createLogTable(TableName table);

    /** A timestamp as this dialect's log table stores it, as an SQL literal for offline scripts. */
    String timestampLiteral(Instant instant);

    /** A boolean as an SQL literal. */
    String booleanLiteral(boolean value);

    /** The lock that keeps two processes from migrating one database at once. */
    MigrationLockStrategy lockStrategy();
}
