package dev.migrate.runtime;

/** Where a repeatable script stands against the log: what {@code db status} and the endpoint show for it. */
public enum RepeatableState {
    /** Never applied, or a downgrade ran since it was: the next upgrade to head applies it. */
    PENDING,
    /** Applied with the checksum the file has now. */
    APPLIED,
    /** Applied, but the file changed since: the next upgrade to head applies it again. */
    CHANGED,
    /** Its latest attempt failed: the next upgrade to head tries again. */
    FAILED
}
