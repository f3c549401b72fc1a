package dev.migrate.testsupport;

/**
 * The test PostgreSQL server could not be found or started. Tests that need it fail with this
 * (they are never skipped): the message says what to install or carries the tail of the server log.
 */
public class PostgresUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostgresUnavailableException(String message) {
        super(message);
    }

    public PostgresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
