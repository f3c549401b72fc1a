package dev.migrate.graph;

/** Two scripts declare the same revision id. */
public final class DuplicateRevisionException extends GraphException {

    private final String revision;

    public DuplicateRevisionException(String revision) {
        super("Revision '" + revision + "' is present more than once; give one of the scripts a new revision id");
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
