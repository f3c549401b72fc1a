package dev.migrate.runtime;

/** Held for a whole run so that two processes never migrate one database at once. */
public interface MigrationLock extends AutoCloseable {

    /** For dialects whose lock lives inside each revision's transaction, or when locking is turned off. */
    MigrationLock NONE = () -> { };

    @Override
    void close();
}
