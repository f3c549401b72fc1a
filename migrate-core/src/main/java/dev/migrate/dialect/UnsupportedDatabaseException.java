package dev.migrate.dialect;

import java.util.List;

/** No registered dialect has the name asked for. */
public final class UnsupportedDatabaseException extends RuntimeException {

    public UnsupportedDatabaseException(String name, List<String> known) {
        super("No dialect named '" + name + "'; known: " + String.join(", ", known)
                + ", generic (or add one: see dev.migrate.dialect.Dialect)");
    }
}
