package dev.migrate.runtime;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.TableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** A dialect's own {@link RunLock} held for a run: tried until taken or the lock timeout passes, released at the end. */
final class DialectRunLock implements MigrationLock {

    private static final Logger log = LoggerFactory.getLogger(DialectRunLock.class);

    private final RunLock lock;
    private final Connection connection;
    private final TableName versionTable;

    private DialectRunLock(RunLock lock, Connection connection, TableName versionTable) {
        this.lock = lock;
        this.connection = connection;
        this.versionTable = versionTable;
    }

    static DialectRunLock acquire(Dialect dialect, Connection connection, TableName versionTable, Duration timeout)
            throws SQLException {
        RunLock lock = dialect.runLock();
        LockWait wait = new LockWait(timeout, 50, 1000);
        boolean warned = false;
        while (!lock.tryAcquire(connection, versionTable)) {
            if (!warned) {
                log.info("Waiting for the migration lock held by {}",
                        lock.holder(connection, versionTable).orElse("another session"));
                warned = true;
            }
            if (wait.expired()) {
                throw new LockTimeoutException(versionTable, timeout,
                        lock.holder(connection, versionTable).orElse("another session"));
            }
            wait.pause();
        }
        return new DialectRunLock(lock, connection, versionTable);
    }

    @Override
    public void close() {
        try {
            lock.release(connection, versionTable);
        } catch (SQLException e) {
            log.warn("Could not release the migration lock on {}", versionTable, e);
        }
    }
}
