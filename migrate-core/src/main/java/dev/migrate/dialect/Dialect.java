package dev.migrate.dialect;

import dev.migrate.op.AlterComment;
import dev.migrate.op.Operation;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Table;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the engine must know about one kind of database: its identity, quoting, the DDL of its own tables, how a
 * transaction is opened, whether DDL is transactional, which migration lock it offers, and offline SQL literals.
 *
 * <p>This is the public SPI for adding a database. An implementation has a public no-argument constructor and is
 * listed in {@code META-INF/services/dev.migrate.dialect.Dialect}; {@link Dialects} finds it through
 * {@link java.util.ServiceLoader} by JDBC URL ({@link #matchesUrl}), product name ({@link #matchesProduct}) or
 * {@link #name()}. A database that no dialect claims runs scripts through {@link GenericDialect}.
 *
 * <p>What a dialect must implement: {@link #name()}, {@link #matchesProduct}, {@link #matchesUrl},
 * {@link #transactionalDdl()}, {@link #prepare}, {@link #begin}/{@link #commit}/{@link #rollback},
 * {@link #tableExists}, {@link #createLogTable} (the version table's DDL has Alembic's standard default),
 * {@link #timestampLiteral}, {@link #bindTimestamp}, {@link #booleanLiteral}, and its lock: either
 * {@link #runLock()} (the default {@link MigrationLockStrategy#DIALECT_LOCK}) or one of the built-in strategies.
 * Optional capabilities: {@link #supportsAutogenerate()} (reflection and DDL rendering, used by {@code db migrate}
 * and {@code db check}; off by default, and those commands then fail with one line saying so), session settings
 * put back after each revision, foreign-key suspension, offline transaction statements.
 */
public interface Dialect {

    Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * Words that cannot be a table or column name unquoted: PostgreSQL's reserved keywords (also those that may
     * be function or type names) and SQLite's keywords that do not fall back to identifiers. A {@code User}
     * model is table {@code "user"}, a column {@code order} is {@code "order"}.
     */
    Set<String> RESERVED_WORDS = Set.of((
            "add all alter analyse analyze and any array as asc asymmetric authorization autoincrement between binary "
            + "both case cast check collate collation column commit concurrently constraint create cross "
            + "current_catalog current_date current_role current_schema current_time current_timestamp current_user "
            + "default deferrable delete desc distinct do drop else end escape except exists false fetch filter for "
            + "foreign freeze from full glob grant group having ilike in index indexed initially inner insert "
            + "intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not "
            + "nothing notnull null offset on only or order outer over overlaps placing primary references regexp "
            + "returning right select session_user set similar some symmetric system_user table tablesample then to "
            + "trailing transaction true union unique update user using values variadic verbose when where window "
            + "with").split(" "));

    /** The dialect's short name ({@code sqlite}, {@code postgresql}, {@code mariadb}, {@code h2}, {@code generic}). */
    String name();

    /** Whether this dialect serves the product {@link DatabaseMetaData#getDatabaseProductName()} reports. */
    boolean matchesProduct(String productName);

    /** Whether this dialect serves the JDBC URL (its sub-protocol, e.g. {@code jdbc:mariadb:}): offline SQL. */
    boolean matchesUrl(String jdbcUrl);

    /** The name the messages use for the database ({@code MariaDB}); the short name by default. */
    default String displayName() {
        return name();
    }

    /**
     * Whether this dialect offers reflection and DDL rendering (autogenerate: {@code db migrate}, {@code db check}).
     * Scripts, bookkeeping, the lock and offline SQL need none of it.
     */
    default boolean supportsAutogenerate() {
        return false;
    }

    /** Picks the dialect from the connection's metadata: a registered one, else the generic dialect. */
    static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return Dialects.forProduct(metaData.getDatabaseProductName());
    }

    /** The registered dialect for the product, else the generic dialect. */
    static Dialect forProductName(String productName) {
        return Dialects.forProduct(productName);
    }

    /** The registered dialect of this name (or product name); {@link UnsupportedDatabaseException} if none. */
    static Dialect named(String name) {
        return Dialects.named(name);
    }

    /**
     * Whether a failing DDL statement rolls back with its transaction. Where it does not (MariaDB, H2), each
     * revision commits on its own (Alembic's rule: the version row moves after each revision) and a failure
     * names the statements of the revision that ran.
     */
    boolean transactionalDdl();

    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    default String quoteIfNeeded(String identifier) {
        return PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED_WORDS.contains(identifier)
                ? identifier : quote(identifier);
    }

    default String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    /**
     * Settings applied once to every connection the engine runs on: autocommit, and how long to wait for
     * another writer ({@code lockTimeout}, SQLite's busy timeout) or for a dead client (PostgreSQL).
     */
    void prepare(Connection connection, Duration lockTimeout) throws SQLException;

    /**
     * The engine's table {@code table} as named in the schema it resolves to now, at the start of a run: a
     * script may change the search path, and the bookkeeping after it must still find its tables.
     */
    default TableName qualify(Connection connection, TableName table) throws SQLException {
        return table;
    }

    /**
     * The session settings a script can change and that the next revision and the bookkeeping must not
     * inherit (a {@code pg_dump} header empties the search path, turns off function body checks...), as
     * they are now; {@link #restoreSession} puts them back. Empty where scripts cannot change them.
     */
    default Map<String, String> sessionSettings(Connection connection) throws SQLException {
        return Map.of();
    }

    /** Puts back what {@link #sessionSettings} read, outside a failed transaction. */
    default void restoreSession(Connection connection, Map<String, String> settings) throws SQLException {
    }

    /** Whether scripts for this database take {@code #} as a line comment (MariaDB, MySQL). */
    default boolean hashComments() {
        return false;
    }

    /** Whether a backslash escapes the next character in this database's strings (MariaDB, MySQL). */
    default boolean backslashEscapes() {
        return false;
    }

    /**
     * The SQL mode this session reads scripts in, for databases whose mode changes how a script reads (MySQL's
     * {@code sql_mode}: with {@code NO_BACKSLASH_ESCAPES} a backslash is an ordinary character in strings, with
     * {@code ANSI_QUOTES} double quotes name identifiers), from what {@link #sessionSettings} read at the start of the
     * run; offline, {@code sessionSettings} is empty and the answer is the server's default mode. A non-null answer
     * also makes the lexer follow the script's own {@code SET sql_mode} statements. Null (the default) where the
     * database has no such mode.
     */
    default String sqlMode(Map<String, String> sessionSettings) {
        return null;
    }

    /**
     * This dialect for a session in {@code sqlMode} (as {@link #sqlMode} reads it, or {@code migrate.sql-mode} for
     * offline SQL; null for the database's default): the one whose {@link #literal}s that session reads back exactly.
     * This dialect itself where no mode changes what it writes; MariaDB's under {@code NO_BACKSLASH_ESCAPES} leaves
     * backslashes single.
     */
    default Dialect inSqlMode(String sqlMode) {
        return this;
    }

    /**
     * One statement as offline SQL writes it, with its terminator. MariaDB wraps a statement holding semicolons
     * (a trigger body) in {@code DELIMITER} lines for its client.
     */
    default String offlineStatement(String sql) {
        return sql + ";";
    }

    /** Whether {@code e} says that another connection holds the write lock (SQLite's SQLITE_BUSY). */
    default boolean isBusy(SQLException e) {
        return false;
    }

    /**
     * Whether {@code e} is a failure to reach or log in to the database (SQLState classes 08, 28, 3D, or
     * SQLite unable to open its file), the one kind of error the connection settings can explain.
     */
    static boolean isConnectionFailure(SQLException e) {
        // The error itself, not its causes: the engine wraps other errors (a lock file it cannot open, say)
        // with a message of their own.
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"))
                || String.valueOf(e.getMessage()).startsWith("[SQLITE_CANTOPEN]");
    }

    /** Opens a transaction for one revision; SQLite takes the write lock at once. */
    void begin(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /**
     * Turns foreign-key enforcement off until {@link #resumeForeignKeys}, outside any transaction, and says
     * whether it was on. Only SQLite needs it (its table rebuilds); elsewhere nothing happens.
     */
    default boolean suspendForeignKeys(Connection connection) throws SQLException {
        return false;
    }

    default void resumeForeignKeys(Connection connection) throws SQLException {
    }

    /** What offline SQL runs before a script that needs foreign keys off (SQLite's rebuilds); empty elsewhere. */
    default java.util.List<String> offlineSuspendForeignKeys() {
        return java.util.List.of();
    }

    /** The statement that opens a transaction in offline SQL. */
    default String offlineBegin() {
        return "BEGIN;";
    }

    default String offlineCommit() {
        return "COMMIT;";
    }

    boolean tableExists(Connection connection, TableName table) throws SQLException;

    /**
     * Whether a statement on a table that does not exist fails quietly, so that the check of a database at head may
     * simply read the engine's tables and take a failure as "not migrated yet". A dialect whose driver reports every
     * failed statement in the application's log (MariaDB Connector/J logs each error packet at WARN) answers
     * {@code false}: the check then asks {@link #tableExists} first, one more round trip, rather than leave a warning
     * in the log of every first start.
     */
    default boolean readsMissingTablesQuietly() {
        return true;
    }

    /**
     * Runs {@code select}, a read of the engine's own tables (one of which {@code table} names), and hands its rows to
     * {@code reader}: empty when the tables do not exist yet, the database never migrated. By default a dialect whose
     * driver logs failed statements ({@link #readsMissingTablesQuietly} {@code false}) asks {@link #tableExists}
     * first; elsewhere the statement simply runs and a missing table fails it. A dialect that can make the read
     * itself survive a missing table (MariaDB's anonymous block) answers in one round trip either way.
     */
    default <T> Optional<T> readEngineTables(Connection connection, TableName table, String select,
                                                       RowsReader<T> reader) throws SQLException {
        if (!readsMissingTablesQuietly() && !tableExists(connection, table)) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement(select);
             ResultSet rows = statement.executeQuery()) {
            return Optional.of(reader.read(rows));
        }
    }

    /** What {@link #readEngineTables} makes of the rows it read. */
    @FunctionalInterface
    interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Alembic's own DDL for the version table, so that Flask-Migrate databases look the same. */
    default String createVersionTable(TableName table) {
        return "CREATE TABLE " + table.render(this) + " (\n    version_num VARCHAR(32) NOT NULL,\n    CONSTRAINT "
                + quoteIfNeeded(table.name() + "_pkc") + " PRIMARY KEY (version_num)\n)";
    }

    /** The append-only log of every revision run: what, which way, checksum, when, how long, who, outcome. */
    String createLogTable(TableName table);

    /** A timestamp as this dialect's log table stores it, as an SQL literal for offline scripts. */
    String timestampLiteral(Instant instant);

    /** Binds a timestamp as this dialect's log table stores it: the value {@link #timestampLiteral} writes. */
    void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException;

    /** A boolean as an SQL literal. */
    String booleanLiteral(boolean value);

    /**
     * The lock that keeps two processes from migrating one database at once; by default the dialect's own
     * {@link #runLock()}.
     */
    default MigrationLockStrategy lockStrategy() {
        return MigrationLockStrategy.DIALECT_LOCK;
    }

    /** The dialect's own lock, used when {@link #lockStrategy()} is {@link MigrationLockStrategy#DIALECT_LOCK}. */
    default RunLock runLock() {
        throw new UnsupportedOperationException(name() + " has no lock of its own");
    }

    // ------------------------------------------------------------------ DDL for autogenerate

    /**
     * This database's DDL rendering and canonical forms ({@link Ddl}), for a dialect that offers autogenerate; the
     * methods below go through it. None by default: a dialect without autogenerate is never asked.
     */
    default Ddl ddl() {
        throw new UnsupportedOperationException(displayName() + " renders no DDL: autogenerate is not supported for it");
    }

    /** The type as this dialect writes it in DDL ({@code varchar(80)}, {@code NUMERIC(10, 2)}, ...). */
    /** {@code DROP VIEW} or {@code DROP MATERIALIZED VIEW} for a reflected view. */
    default String dropViewSql(dev.migrate.schema.Schema.View view) {
        return Ddl.of(this).dropView(view);
    }

    default String typeSql(ColumnType type) {
        return Ddl.of(this).typeSql(type);
    }

    /**
     * The type as the database reports it after creating a column of {@code type} from a model: what
     * reflection returns for it, so that an unchanged model compares equal (PostgreSQL: {@code char} is
     * {@code char(1)}, {@code numeric(p)} is {@code numeric(p, 0)}; SQLite: the declared type as written).
     */
    default ColumnType canonical(ColumnType type) {
        return Ddl.of(this).canonical(type);
    }

    /** The column as reported after creation: canonical type and default, autoincrement only on integers. */
    default Column canonical(Column column) {
        return Ddl.of(this).canonical(column);
    }

    /**
     * The table as reported after creation: canonical columns, primary-key columns NOT NULL, SQLite's rowid
     * alias ({@code INTEGER}, autoincrement) for a single-column integer key, PostgreSQL's names for unnamed
     * primary keys ({@code t_pkey}), unique constraints ({@code t_a_b_key}) and foreign keys ({@code t_a_fkey}).
     */
    default Table canonical(Table table) {
        Table canonical = Ddl.of(this).canonical(table);
        return keepsComments() ? canonical : canonical.withoutComments();
    }

    /**
     * Whether the database keeps table and column comments, which autogenerate then compares and writes
     * ({@link AlterComment}, and the comments of created tables and added columns). Off by default: models' comments
     * are then left out (SQLite keeps none; a dialect that keeps them in another syntax says so when it renders them).
     */
    default boolean keepsComments() {
        return false;
    }

    /**
     * A server default in the form the database reports it: outer parentheses removed, booleans as
     * {@code true}/{@code false}, quoted numbers unquoted for numeric columns, {@code NULL} as no default.
     * Reflection strips PostgreSQL's casts ({@code 'x'::character varying} is {@code 'x'}).
     */
    default String canonicalDefault(String expression, ColumnType type) {
        return Ddl.of(this).canonicalDefault(expression, type);
    }

    /** Whether the operation has a direct statement here; SQLite needs a {@code RebuildTable} for the others. */
    default boolean supports(Operation operation) {
        return Ddl.of(this).supports(operation, null);
    }

    /** As {@link #supports(Operation)}, knowing the table before the operation (SQLite's DROP COLUMN rules). */
    default boolean supports(Operation operation, Table current) {
        return Ddl.of(this).supports(operation, current);
    }

    /** The statements of one operation, without trailing semicolons. */
    default List<String> render(Operation operation) {
        if (operation instanceof AlterComment && !keepsComments()) {
            return List.of(); // nowhere to keep it; autogenerate does not compare comments here
        }
        return Ddl.of(this).render(operation);
    }
}
