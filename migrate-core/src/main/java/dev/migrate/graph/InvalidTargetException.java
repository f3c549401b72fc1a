package dev.migrate.graph;

/**
 * A target the requested direction cannot reach: an upgrade to a revision below the database's current
 * state, a downgrade to one not applied, a history range whose lower end is not below its upper end.
 */
public final class InvalidTargetException extends GraphException {

    public InvalidTargetException(String message) {
        super(message);
    }
}
