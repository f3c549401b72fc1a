package dev.migrate.graph;

import java.util.List;

/**
 * A target the requested direction cannot reach: an upgrade to a revision below the database's current
 * state, a downgrade to one not applied or on a branch with nothing applied, a history range whose
 * lower end is not below its upper end.
 */
public final class InvalidTargetException extends GraphException {

    public InvalidTargetException(String message) {
        super(message);
    }

    /** A downgrade confined to a branch of which nothing is applied, or only what other branches need. */
    static InvalidTargetException nothingOnBranch(String branch, List<String> rows) {
        return new InvalidTargetException("Branch '" + branch + "' has nothing applied to the database (current: "
                + (rows.isEmpty() ? "base" : String.join(", ", rows)) + "); nothing to downgrade on it");
    }
}
