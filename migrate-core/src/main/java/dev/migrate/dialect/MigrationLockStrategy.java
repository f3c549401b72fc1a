package dev.migrate.dialect;

/**
 * How a dialect keeps two processes from migrating one database at once.
 * {@link #SESSION_LOCK}: a session-level lock on a connection of its own, held for the whole run and
 * released by the database if the process dies (PostgreSQL advisory lock).
 * {@link #LOCK_FILE}: a lock held for the whole run on a file beside the database, released by the
 * operating system if the process dies; besides, each revision runs in a transaction that takes the
 * database's write lock first and re-reads the version table inside it, so that even with the lock turned
 * off a transactional revision that another process applied meanwhile is never applied twice (SQLite).
 * {@link #DIALECT_LOCK}: the dialect's own {@link RunLock} ({@link Dialect#runLock()}), tried on the run's
 * connection and retried by the engine until the lock timeout (MariaDB's {@code GET_LOCK}, the generic lock table).
 */
public enum MigrationLockStrategy {
    SESSION_LOCK, LOCK_FILE, DIALECT_LOCK
}
