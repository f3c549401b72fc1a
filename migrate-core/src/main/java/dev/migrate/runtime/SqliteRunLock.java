package dev.migrate.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The run lock on SQLite: a write transaction held for the whole run on a small lock database beside the
 * database file ({@code app.db.migrate-lock}), so that two runs never interleave, no-transaction revisions
 * included, while the application keeps using the database itself. The operating system drops the lock
 * when the holding process dies, {@code kill -9} included, so no lock is ever left stuck.
 * <p>
 * Why not {@code FileChannel.tryLock} on a plain file: POSIX record locks belong to the process, and closing
 * any channel on the file - as a second run in the same JVM does after finding it locked - silently releases
 * them all. SQLite's own locking tracks its locks per file and process and defers such closes, so a second
 * run in the same JVM waits like any other process would. The lock file is never deleted: removing it while
 * another run waits on it would let two runs each hold a lock, on two different files.
 */
final class SqliteRunLock implements MigrationLock {

    private static final Logger log = LoggerFactory.getLogger(SqliteRunLock.class);
    private static final int SQLITE_BUSY = 5;
    private static final String SUFFIX = ".migrate-lock";

    private final Connection connection;

    private SqliteRunLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock for the database {@code database} is connected to, waiting up to {@code timeout};
     * in-memory and temporary databases, which no other process can open, need none.
     */
    static MigrationLock acquire(Connection database, Duration timeout) throws SQLException {
        Optional<Path> file = databaseFile(database);
        if (file.isEmpty()) {
            return MigrationLock.NONE;
        }
        Path lockFile = lockFileOf(file.get());
        Connection connection = open(lockFile);
        try (Statement statement = connection.createStatement()) {
            // We poll ourselves, so that the wait is logged and bounded by the lock timeout.
            statement.execute("PRAGMA busy_timeout = 0");
            LockWait wait = new LockWait(timeout, 20, 500);
            int attempt = 1;
            while (!tryLock(statement)) {
                if (attempt == 1) {
                    log.info("Waiting for the migration lock on {}: another migration run holds {}", file.get(), lockFile);
                } else {
                    log.debug("Migration lock on {} still held (attempt {})", file.get(), attempt);
                }
                if (wait.expired()) {
                    throw new LockTimeoutException("Could not get the migration lock on " + file.get() + " within "
                            + LockTimeoutException.seconds(timeout) + ": another migration run holds it (lock file " + lockFile
                            + "); wait for that run to finish, or raise migrate.lock-timeout");
                }
                wait.pause();
                attempt++;
            }
            return new SqliteRunLock(connection);
        } catch (SQLException e) {
            connection.close();
            throw new SQLException("Could not take the migration lock file " + lockFile + " beside the database: "
                    + e.getMessage() + "; make its directory writable for this process, or turn the lock off "
                    + "(migrate.lock-enabled=false) if only one process ever migrates this database", e);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static Connection open(Path lockFile) throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + lockFile);
        } catch (SQLException e) {
            throw new SQLException("Could not open the migration lock file " + lockFile + " beside the database: "
                    + e.getMessage() + "; make its directory writable for this process, or turn the lock off "
                    + "(migrate.lock-enabled=false) if only one process ever migrates this database", e);
        }
    }

    /** Whether a run holds the lock on this database now; creates nothing. */
    static boolean held(Connection database) throws SQLException {
        Optional<Path> file = databaseFile(database);
        if (file.isEmpty() || !java.nio.file.Files.exists(lockFileOf(file.get()))) {
            return false;
        }
        try (Connection connection = open(lockFileOf(file.get()));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            if (tryLock(statement)) {
                statement.execute("ROLLBACK");
                return false;
            }
            return true;
        }
    }

    static Path lockFileOf(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + SUFFIX);
    }

    /** The main database's file, from {@code PRAGMA database_list}; empty for in-memory and temporary ones. */
    static Optional<Path> databaseFile(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA database_list")) {
            while (rows.next()) {
                if ("main".equals(rows.getString("name"))) {
                    String file = rows.getString("file");
                    return file == null || file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean tryLock(Statement statement) throws SQLException {
        try {
            // IMMEDIATE takes the lock database's write lock at once; nothing is ever written to it.
            statement.execute("BEGIN IMMEDIATE");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_BUSY || String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
                return false;
            }
            throw e;
        }
    }


    @Override
    public void close() {
        try {
            // Closing the connection ends the transaction too; the explicit ROLLBACK says what is meant.
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            }
        } catch (SQLException e) {
            log.debug("Could not release the migration lock explicitly", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Could not close the lock database", e);
            }
        }
    }
}
