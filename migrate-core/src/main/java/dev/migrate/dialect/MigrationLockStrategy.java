package dev.migrate.dialect;

/**
 * How a dialect keeps two processes from migrating one database at once.
 * {@link #SESSION_LOCK}: a session-level lock on a connection of its own, held for the whole run and
 * released by the database if the process dies (PostgreSQL advisory lock).
 * {@link #WRITE_TRANSACTION}: each revision runs in a transaction that takes the database's write lock
 * first, and re-reads the version table inside it, so a revision that another process has applied in the
 * meantime is never applied twice (SQLite, which has one writer at a time anyway).
 */
public enum MigrationLockStrategy {
    SESSION_LOCK, WRITE_TRANSACTION
}
