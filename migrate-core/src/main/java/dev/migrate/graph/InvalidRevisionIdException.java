package dev.migrate.graph;

/**
 * A revision id or branch label holds a character that revision expressions give a meaning to
 * ({@code @ - + :} in ids, {@code @ :} in labels), so it could never be named on the command line.
 */
public final class InvalidRevisionIdException extends GraphException {

    public InvalidRevisionIdException(String message) {
        super(message);
    }
}
