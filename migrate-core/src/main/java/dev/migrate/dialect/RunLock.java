package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A dialect's own migration lock, held for a whole run on the run's connection (in autocommit mode). The engine
 * calls {@link #tryAcquire} until it succeeds or the lock timeout passes (pausing in between), {@link #release}
 * at the end of the run, and {@link #holder} to say who holds it. Keyed by the version table, so that
 * applications sharing a server with their own version tables never wait for each other.
 */
public interface RunLock {

    /** Takes the lock if it is free; never waits long. */
    boolean tryAcquire(Connection connection, TableName versionTable) throws SQLException;

    /** Releases the lock this connection holds. */
    void release(Connection connection, TableName versionTable) throws SQLException;

    /** Who holds the lock, if anyone, in words for a message. */
    Optional<String> holder(Connection connection, TableName versionTable) throws SQLException;
}
