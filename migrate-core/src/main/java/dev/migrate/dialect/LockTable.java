package dev.migrate.dialect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The migration lock as a row in a table of its own ({@code <version table>_lock}, created when missing): a run
 * inserts the row (the primary key keeps out a second one) and deletes it at its end, each in autocommit.
 *
 * <p>Limits: the database does not release the row when the process dies. A crashed holder's row counts as
 * stale after {@link #STALE_AFTER} (measured with the clocks of the processes, which must roughly agree) and
 * is then taken over; until then, delete it by hand ({@code DELETE FROM <version table>_lock}) once sure no run
 * is going on. A run longer than {@link #STALE_AFTER} may therefore be joined by another one.
 */
public final class LockTable implements RunLock {

    /** How old a lock row must be before another run takes it over. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(LockTable.class);

    private final Dialect dialect;
    private final String holder;

    public LockTable(Dialect dialect) {
        this.dialect = dialect;
        this.holder = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " (run "
                + UUID.randomUUID().toString().substring(0, 8) + ")";
    }

    /** The lock table of {@code versionTable}: same schema, name with {@code _lock} appended. */
    public static TableName tableOf(TableName versionTable) {
        return new TableName(versionTable.schema(), versionTable.name() + "_lock");
    }

    @Override
    public boolean tryAcquire(Connection connection, TableName versionTable) throws SQLException {
        TableName table = tableOf(versionTable);
        createIfMissing(connection, table);
        long now = Instant.now().toEpochMilli();
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table.render(dialect)
                + " WHERE lock_key = ? AND acquired_at < ?")) {
            statement.setString(1, versionTable.toString());
            statement.setLong(2, now - STALE_AFTER.toMillis());
            if (statement.executeUpdate() > 0) {
                log.warn("Took over a stale migration lock in {} (older than {})", table, STALE_AFTER);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table.render(dialect)
                + " (lock_key, holder, acquired_at) VALUES (?, ?, ?)")) {
            statement.setString(1, versionTable.toString());
            statement.setString(2, holder);
            statement.setLong(3, now);
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void release(Connection connection, TableName versionTable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM "
                + tableOf(versionTable).render(dialect) + " WHERE lock_key = ? AND holder = ?")) {
            statement.setString(1, versionTable.toString());
            statement.setString(2, holder);
            statement.executeUpdate();
        }
    }

    @Override
    public Optional<String> holder(Connection connection, TableName versionTable) throws SQLException {
        TableName table = tableOf(versionTable);
        if (!dialect.tableExists(connection, table)) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT holder, acquired_at FROM "
                + table.render(dialect) + " WHERE lock_key = ?")) {
            statement.setString(1, versionTable.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1) + " since " + Instant.ofEpochMilli(rows.getLong(2))
                        + " (lock table " + table + "; if that process is gone, delete its row)") : Optional.empty();
            }
        }
    }

    private void createIfMissing(Connection connection, TableName table) throws SQLException {
        if (dialect.tableExists(connection, table)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table.render(dialect) + " (lock_key VARCHAR(200) NOT NULL PRIMARY KEY, "
                    + "holder VARCHAR(200) NOT NULL, acquired_at BIGINT NOT NULL)");
        } catch (SQLException e) {
            // Another process may have created it meanwhile.
            if (!dialect.tableExists(connection, table)) {
                throw e;
            }
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }
}
