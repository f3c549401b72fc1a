package dev.migrate.dialect;

/** The connection leads to a database the engine has no dialect for. */
public final class UnsupportedDatabaseException extends RuntimeException {

    public UnsupportedDatabaseException(String productName) {
        super("Database '" + productName + "' is not supported; use SQLite or PostgreSQL "
                + "(MySQL and MariaDB are planned)");
    }
}
