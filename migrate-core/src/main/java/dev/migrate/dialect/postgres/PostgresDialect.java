package dev.migrate.dialect.postgres;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.LogTableDdl;
import dev.migrate.dialect.MigrationLockStrategy;
import dev.migrate.dialect.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL: transactional DDL, schemas, session-level advisory locks. */
public record PostgresDialect() implements Dialect {

    private static final PostgresDdl DDL = new PostgresDdl(new PostgresDialect());

    @Override
    public Ddl ddl() {
        return DDL;
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresDialect.class);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean matchesProduct(String productName) {
        return productName.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    @Override
    public boolean matchesUrl(String jdbcUrl) {
        return jdbcUrl.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public boolean supportsAutogenerate() {
        return true;
    }

    /** {@code COMMENT ON TABLE/COLUMN ... IS ...}, read back from {@code pg_description}. */
    @Override
    public boolean keepsComments() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * What a script can change for the rest of the session (every {@code pg_dump} header sets these), and the
     * engine puts back after each revision; those the server does not know are left out.
     */
    private static final List<String> SESSION_SETTINGS = List.of("search_path", "statement_timeout", "lock_timeout",
            "idle_in_transaction_session_timeout", "transaction_timeout", "client_encoding",
            "standard_conforming_strings", "check_function_bodies", "xmloption", "client_min_messages", "row_security",
            "default_tablespace", "default_table_access_method");

    /** How often the server checks, during a long statement, that the engine is still connected (PostgreSQL 14+). */
    private static final String CONNECTION_CHECK_MILLIS = "1000";

    @Override
    public void prepare(Connection connection, Duration lockTimeout) throws SQLException {
        connection.setAutoCommit(true);
        // Without it a killed run's statement runs to its end on the server (the migration lock with it, as
        // that session holds the lock); with it the server cancels the statement within a second or so.
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('client_connection_check_interval', ?, false) "
                        + "WHERE current_setting('server_version_num')::int >= 140000")) {
            statement.setString(1, CONNECTION_CHECK_MILLIS);
            statement.execute();
        } catch (SQLException e) {
            // Platforms without the kernel support refuse a non-zero value: the lock still waits for the statement.
            log.debug("client_connection_check_interval not available", e);
        }
    }

    @Override
    public TableName qualify(Connection connection, TableName table) throws SQLException {
        if (table.schema() != null) {
            return table;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_schema()");
             ResultSet rows = statement.executeQuery()) {
            String schema = rows.next() ? rows.getString(1) : null;
            return schema == null ? table : new TableName(schema, table.name());
        }
    }

    @Override
    public Map<String, String> sessionSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY (?) ORDER BY name")) {
            statement.setArray(1, connection.createArrayOf("text", SESSION_SETTINGS.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    settings.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return settings;
    }

    @Override
    public void restoreSession(Connection connection, Map<String, String> settings) throws SQLException {
        if (settings.isEmpty()) {
            return;
        }
        // One round trip per revision: set_config for every setting, whether the script touched it or not.
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(set_config(n, v, false)) FROM unnest(?::text[], ?::text[]) AS s(n, v)")) {
            statement.setArray(1, connection.createArrayOf("text", settings.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("text", settings.values().toArray()));
            statement.execute();
        }
    }

    @Override
    public void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        // to_regclass honours the search_path when no schema is given, as unqualified statements do.
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table.render(this));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    @Override
    public String createLogTable(TableName table) {
        return LogTableDdl.create(table.render(this), "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                "TIMESTAMP", "BIGINT");
    }

    @Override
    public String timestampLiteral(Instant instant) {
        return "TIMESTAMP " + literal(TIMESTAMP.format(instant));
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        // TIMESTAMP without time zone holding UTC, as timestampLiteral writes it
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    @Override
    public MigrationLockStrategy lockStrategy() {
        return MigrationLockStrategy.SESSION_LOCK;
    }
}
