package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.LogTableDdl;
import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.StandardDialect;
import dev.migrate.dialect.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MariaDB and MySQL (MariaDB Connector/J and MySQL Connector/J): backquoted names, DDL that commits the open
 * transaction (each revision commits on its own, Alembic's rule), Alembic's version table, a log table with
 * {@code AUTO_INCREMENT}, and the lock {@code GET_LOCK} on the run's session ({@link MariaDbLock}).
 */
public final class MariaDbDialect extends StandardDialect {

    private static final MariaDbDialect ESCAPING = new MariaDbDialect(true);
    private static final MariaDbDialect NOT_ESCAPING = new MariaDbDialect(false);

    /** Whether this dialect's literals are read with backslash escapes: false under NO_BACKSLASH_ESCAPES. */
    private final boolean escapingLiterals;
    private final MariaDbDdl ddl;

    public MariaDbDialect() {
        this(true);
    }

    private MariaDbDialect(boolean escapingLiterals) {
        this.escapingLiterals = escapingLiterals;
        this.ddl = new MariaDbDdl(this);
    }

    @Override
    public Ddl ddl() {
        return ddl;
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String displayName() {
        return "MariaDB/MySQL";
    }

    @Override
    public boolean matchesProduct(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        return product.contains("mariadb") || product.contains("mysql");
    }

    @Override
    public boolean matchesUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** Also MariaDB's own reserved words ({@code key}, {@code range}, {@code int}...). */
    @Override
    public String quoteIfNeeded(String identifier) {
        return MariaDbDdl.isReservedHere(identifier) ? quote(identifier) : super.quoteIfNeeded(identifier);
    }

    /** Reflection from {@code information_schema} and DDL rendering ({@code MariaDbDdl}). */
    @Override
    public boolean supportsAutogenerate() {
        return true;
    }

    /**
     * Backslashes escape in MySQL's strings: doubled, as are quotes; under NO_BACKSLASH_ESCAPES ({@link #inSqlMode})
     * a backslash is itself and stays single.
     */
    @Override
    public String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        String escaped = escapingLiterals ? value.replace("\\", "\\\\") : value;
        return "'" + escaped.replace("'", "''") + "'";
    }

    @Override
    public MariaDbDialect inSqlMode(String sqlMode) {
        boolean escaping = sqlMode == null || java.util.Arrays.stream(sqlMode.split(","))
                .noneMatch(mode -> mode.strip().equalsIgnoreCase("NO_BACKSLASH_ESCAPES"));
        return escaping == escapingLiterals ? this : escaping ? ESCAPING : NOT_ESCAPING;
    }

    /**
     * What a script (a {@code mysqldump} header above all) changes for the rest of the session, and the engine puts
     * back after each revision: the next revision and the bookkeeping must not run with foreign keys unchecked.
     */
    private static final List<String> SESSION_SETTINGS = List.of("sql_mode", "foreign_key_checks", "unique_checks",
            "time_zone", "character_set_client", "character_set_results", "collation_connection", "sql_notes");

    @Override
    public Map<String, String> sessionSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        String select = "SELECT " + String.join(", ", SESSION_SETTINGS.stream().map(name -> "@@SESSION." + name).toList());
        try (PreparedStatement statement = connection.prepareStatement(select);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            for (int i = 0; i < SESSION_SETTINGS.size(); i++) {
                settings.put(SESSION_SETTINGS.get(i), rows.getString(i + 1));
            }
        }
        return settings;
    }

    @Override
    public void restoreSession(Connection connection, Map<String, String> settings) throws SQLException {
        if (settings.isEmpty()) {
            return;
        }
        // One round trip per revision, every setting whether the script touched it or not.
        String set = "SET " + String.join(", ", settings.keySet().stream().map(name -> "SESSION " + name + " = ?").toList());
        try (PreparedStatement statement = connection.prepareStatement(set)) {
            int index = 1;
            for (String value : settings.values()) {
                // Switches (foreign_key_checks) refuse the string '1': numbers go as numbers.
                if (value != null && value.matches("\\d+")) {
                    statement.setLong(index++, Long.parseLong(value));
                } else {
                    statement.setString(index++, value);
                }
            }
            statement.execute();
        }
    }

    /** {@code @@SESSION.sql_mode} as the run started (read with the other settings); the server's default offline. */
    @Override
    public String sqlMode(Map<String, String> sessionSettings) {
        return sessionSettings.getOrDefault("sql_mode", "");
    }

    @Override
    public boolean hashComments() {
        return true;
    }

    @Override
    public boolean backslashEscapes() {
        return true;
    }

    /** The {@code mariadb} client ends a statement at each semicolon: a trigger body goes between DELIMITER lines. */
    @Override
    public String offlineStatement(String sql) {
        if (!sql.contains(";")) {
            return sql + ";";
        }
        String delimiter = java.util.stream.Stream.of("//", "$$", ";;", "@@@").filter(d -> !sql.contains(d)).findFirst()
                .orElse("//");
        // On a line of its own: "END */" followed by "//" would read as "*//".
        return "DELIMITER " + delimiter + "\n" + sql + "\n" + delimiter + "\nDELIMITER ;";
    }

    /** MariaDB Connector/J logs the error of a statement on a missing table at WARN: ask first. */
    @Override
    public boolean readsMissingTablesQuietly() {
        return false;
    }

    /**
     * On a MariaDB server, one round trip that cannot fail: an anonymous block whose handler takes "no such table"
     * (error 1146) and ends the block before any row is sent, so a database never migrated answers with no result
     * set and the driver has no error to log. MySQL has no anonymous blocks: there the table is asked for first.
     */
    @Override
    public <T> Optional<T> readEngineTables(Connection connection, TableName table, String select,
                                            RowsReader<T> reader) throws SQLException {
        if (!runsAnonymousBlocks(connection.getMetaData().getDatabaseProductVersion())) {
            return super.readEngineTables(connection, table, select, reader);
        }
        String block = "BEGIN NOT ATOMIC DECLARE EXIT HANDLER FOR " + NO_SUCH_TABLE + " BEGIN END; " + select + "; END";
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(block)) {
                return Optional.empty(); // the handler took the missing table: nothing was read
            }
            try (ResultSet rows = statement.getResultSet()) {
                return Optional.of(reader.read(rows));
            }
        }
    }

    /** MariaDB's {@code ER_NO_SUCH_TABLE}. */
    private static final int NO_SUCH_TABLE = 1146;

    /**
     * Whether the server, known by the version its handshake announced (both drivers answer without a round trip),
     * is MariaDB, which runs anonymous blocks ({@code BEGIN NOT ATOMIC}), rather than MySQL, which does not.
     */
    public static boolean runsAnonymousBlocks(String productVersion) {
        return productVersion != null && productVersion.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM information_schema.tables "
                + "WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public String createLogTable(TableName table) {
        return LogTableDdl.create(table.render(this), "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY",
                "DATETIME(6)", "BIGINT");
    }

    @Override
    public RunLock runLock() {
        return new MariaDbLock();
    }
}
