package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only log table beside the version table. Alembic has none; it is what makes drift and
 * scripts edited after they were applied visible. Rows are only ever inserted.
 */
public final class MigrationLog {

    private static final int MAX_TEXT = 500;
    private static final int MAX_ERROR = 2000;
    private static final int MAX_USER = 100;
    private static final String COLUMNS =
            "revision, direction, message, checksum, started_at, duration_ms, installed_by, success, error";

    private final Dialect dialect;
    private final TableName table;

    public MigrationLog(Dialect dialect, TableName table) {
        this.dialect = dialect;
        this.table = table;
    }

    public TableName name() {
        return table;
    }

    public void createIfMissing(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, table)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(dialect.createLogTable(table));
            }
        }
    }

    /** The INSERT of one entry with parameters, bound by {@link #bind}: prepared once per run. */
    String insertSql() {
        return "INSERT INTO " + table.render(dialect) + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** Binds {@code entry} to a statement prepared from {@link #insertSql()}. */
    void bind(PreparedStatement statement, LogEntry entry) throws SQLException {
        statement.setString(1, entry.revision());
        statement.setString(2, entry.direction());
        statement.setString(3, truncate(entry.message(), MAX_TEXT));
        statement.setString(4, entry.checksum());
        dialect.bindTimestamp(statement, 5, entry.startedAt());
        statement.setLong(6, entry.durationMillis());
        statement.setString(7, truncate(entry.installedBy(), MAX_USER));
        statement.setBoolean(8, entry.success());
        statement.setString(9, truncate(entry.error(), MAX_ERROR));
    }

    /** The INSERT of one entry with literals, for offline SQL. */
    public String insertStatement(LogEntry entry) {
        return "INSERT INTO " + table.render(dialect)
                + " (" + COLUMNS + ") VALUES (" + dialect.literal(entry.revision()) + ", " + dialect.literal(entry.direction()) + ", "
                + dialect.literal(truncate(entry.message(), MAX_TEXT)) + ", " + dialect.literal(entry.checksum()) + ", "
                + dialect.timestampLiteral(entry.startedAt()) + ", " + entry.durationMillis() + ", "
                + dialect.literal(truncate(entry.installedBy(), MAX_USER)) + ", " + dialect.booleanLiteral(entry.success())
                + ", " + dialect.literal(truncate(entry.error(), MAX_ERROR)) + ")";
    }

    /** Every entry, oldest first; empty when the table does not exist. */
    public List<LogEntry> read(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, table)) {
            return List.of();
        }
        return readExisting(connection);
    }

    /** Every entry, oldest first, in one statement that fails when the table does not exist. */
    List<LogEntry> readExisting(Connection connection) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM " + table.render(dialect) + " ORDER BY id");
    }

    /**
     * The failures not followed by any later row of their revision (what {@link FailedAttempt#unresolved}
     * finds in the whole log), read without reading the whole log; empty when the table does not exist.
     */
    public List<FailedAttempt> unresolvedFailures(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, table)) {
            return List.of();
        }
        String name = table.render(dialect);
        return select(connection, "SELECT " + COLUMNS + " FROM " + name + " l WHERE NOT l.success AND NOT EXISTS "
                + "(SELECT 1 FROM " + name + " m WHERE m.revision = l.revision AND m.id > l.id AND "
                + isRepeatable("m") + " = " + isRepeatable("l") + ") ORDER BY l.id")
                .stream().map(FailedAttempt::of).toList();
    }

    /** 1 for a repeatable script's row, else 0: a repeatable's rows are never a revision's, whatever its name. */
    private String isRepeatable(String alias) {
        return "CASE WHEN " + alias + ".direction = " + dialect.literal(LogEntry.REPEATABLE) + " THEN 1 ELSE 0 END";
    }

    /**
     * The rows of repeatable scripts and of downgrades, oldest first (what {@link RepeatableHistory} needs, without
     * the revisions' upgrades); empty when the table does not exist.
     */
    public List<LogEntry> readRepeatableHistory(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, table)) {
            return List.of();
        }
        return select(connection, "SELECT " + COLUMNS + " FROM " + table.render(dialect) + " WHERE direction IN ("
                + dialect.literal(LogEntry.REPEATABLE) + ", " + dialect.literal("downgrade") + ") ORDER BY id");
    }

    /** The rows {@code sql} selects ({@link #COLUMNS}), without the digest rows, which only the check at head reads. */
    private List<LogEntry> select(Connection connection, String sql) throws SQLException {
        List<LogEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (LogEntry.DIGEST.equals(rows.getString(2))) {
                    continue;
                }
                entries.add(new LogEntry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        parseInstant(rows.getString(5)), rows.getLong(6), rows.getString(7), rows.getBoolean(8),
                        rows.getString(9)));
            }
        } catch (SQLException e) {
            // Most likely another tool's table under this name: say which table, keep the database's words.
            throw new SQLException("Could not read the log table " + table + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ")
                    + "; if another tool owns a table of that name, set migrate.log-table to another name",
                    e.getSQLState(), e);
        }
        return entries;
    }

    static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        Instant plain = parsePlain(text);
        if (plain != null) {
            return plain;
        }
        // SQLite keeps ISO-8601 text; PostgreSQL returns "2026-11-21 10:31:07.123456" in UTC.
        String iso = text.contains("T") ? text : text.replace(' ', 'T') + "Z";
        return Instant.parse(iso);
    }

    /**
     * The two forms the log holds, {@code 2026-11-21T10:31:07.123456Z} (SQLite) and {@code 2026-11-21 10:31:07.123456}
     * (PostgreSQL, UTC), read digit by digit: every start at head reads the whole log, and {@link Instant#parse} would
     * run a formatter for each of a thousand rows. Null for any other text, which {@link Instant#parse} then reads.
     */
    private static Instant parsePlain(String text) {
        int end = text.endsWith("Z") ? text.length() - 1 : text.length();
        if (end < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || (text.charAt(10) != 'T' && text.charAt(10) != ' ')) {
            return null;
        }
        int nanos = 0;
        if (end > 19) {
            int digits = end - 20;
            int fraction = digits >= 1 && digits <= 9 && text.charAt(19) == '.' ? digits(text, 20, end) : -1;
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * (int) Math.pow(10, 9 - digits);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code text} from {@code from} to {@code to}, or -1 if a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
