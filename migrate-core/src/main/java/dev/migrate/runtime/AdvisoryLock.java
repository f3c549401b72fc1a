package dev.migrate.runtime;

import dev.migrate.dialect.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL's session-level advisory lock, taken on the run's own connection: a session lock outlives
 * every revision's transaction (and coexists with no-transaction scripts), the run releases it explicitly
 * at its end, and if the process dies the server frees it only when that session's backend ends, which is
 * after the statement it was running (never while a statement of the run can still change the database).
 * Keyed by database, schema and version table, so unrelated applications sharing a server never wait for
 * each other.
 */
public final class AdvisoryLock implements MigrationLock {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);

    private final Connection connection;
    private final long key;
    private final boolean ownsConnection;

    private AdvisoryLock(Connection connection, long key, boolean ownsConnection) {
        this.connection = connection;
        this.key = key;
        this.ownsConnection = ownsConnection;
    }

    /**
     * Takes the lock on {@code connection}, the run's own (in autocommit mode), waiting up to {@code timeout};
     * closing the lock releases it and leaves the connection open.
     */
    public static AdvisoryLock acquire(Connection connection, TableName versionTable, Duration timeout)
            throws SQLException {
        return new AdvisoryLock(connection, waitFor(connection, versionTable, timeout), false);
    }

    /** Takes the lock on a connection of its own, closed with the lock (for tools and tests that hold it). */
    public static AdvisoryLock acquire(DataSource dataSource, TableName versionTable, Duration timeout)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            return new AdvisoryLock(connection, waitFor(connection, versionTable, timeout), true);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static long waitFor(Connection connection, TableName versionTable, Duration timeout) throws SQLException {
        long key = keyFor(connection, versionTable);
        LockWait wait = new LockWait(timeout, 50, 1000);
        boolean warned = false;
        while (!tryLock(connection, key)) {
            if (!warned) {
                log.info("Waiting for the migration lock held by {}", holder(connection, key).orElse("another session"));
                warned = true;
            }
            if (wait.expired()) {
                throw new LockTimeoutException(versionTable, timeout, holder(connection, key).orElse("another session"));
            }
            wait.pause();
        }
        return key;
    }

    /** Who holds the lock for this database, schema and version table, if anyone. */
    public static Optional<String> holder(Connection connection, TableName versionTable) throws SQLException {
        return holder(connection, keyFor(connection, versionTable));
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static Optional<String> holder(Connection connection, long key) throws SQLException {
        // A bigint advisory key is stored as classid (high half) and objid (low half), objsubid 1.
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state, a.query_start, "
                        + "left(regexp_replace(a.query, '\\s+', ' ', 'g'), 80) FROM pg_locks l "
                        + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                        + "AND l.classid = ? AND l.objid = ? AND l.objsubid = 1")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String application = rows.getString(2);
                return Optional.of("pid " + rows.getInt(1)
                        + (application == null || application.isBlank() ? "" : " (" + application + ")")
                        + (rows.getString(3) == null ? "" : " from " + rows.getString(3))
                        + " since " + rows.getString(4)
                        // The lock lives on the run's own session: what that session runs is what the run runs.
                        + ("active".equals(rows.getString(5))
                        ? ", running since " + rows.getString(6) + ": " + rows.getString(7) : ""));
            }
        }
    }

    private static long keyFor(Connection connection, TableName versionTable) throws SQLException {
        String database;
        String schema;
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_database(), current_schema()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            database = rows.getString(1);
            schema = versionTable.schema() != null ? versionTable.schema() : rows.getString(2);
        }
        byte[] digest = sha256("migrate:" + database + "." + schema + "." + versionTable.name());
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xFF);
        }
        return key;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }


    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            // Ending the session releases the lock anyway.
            log.debug("Could not release the migration lock explicitly", e);
        } finally {
            if (ownsConnection) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    log.debug("Could not close the lock connection", e);
                }
            }
        }
    }
}
