package dev.migrate.shell;

/** The command line itself is wrong (unknown verb or option, missing value): exit status 2. */
public final class DbUsageException extends RuntimeException {

    public DbUsageException(String message) {
        super(message);
    }
}
