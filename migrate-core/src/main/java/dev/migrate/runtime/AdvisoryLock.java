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
 * PostgreSQL's session-level advisory lock, on a connection of its own so that it outlives every
 * revision's transaction (and coexists with no-transaction scripts), and is released by the server if
 * this process dies. Keyed by database, schema and version table, so unrelated applications sharing a
 * server never wait for each other.
 */
public final class AdvisoryLock implements MigrationLock {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);

    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    public static AdvisoryLock acquire(DataSource dataSource, TableName versionTable, Duration timeout)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            long key = keyFor(connection, versionTable);
            long deadline = System.nanoTime() + timeout.toNanos();
            long pause = 50;
            boolean warned = false;
            while (!tryLock(connection, key)) {
                if (!warned) {
                    log.info("Waiting for the migration lock held by {}", holder(connection, key).orElse("another session"));
                    warned = true;
                }
                if (System.nanoTime() > deadline) {
                    throw new LockTimeoutException(versionTable, timeout, holder(connection, key).orElse("another session"));
                }
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
            }
            return new AdvisoryLock(connection, key);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
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
                "SELECT a.pid, a.application_name, a.client_addr, a.backend_start FROM pg_locks l "
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
                        + " since " + rows.getString(4));
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock", e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            // Closing the session below releases the lock anyway.
            log.debug("Could not release the migration lock explicitly", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Could not close the lock connection", e);
            }
        }
    }
}
