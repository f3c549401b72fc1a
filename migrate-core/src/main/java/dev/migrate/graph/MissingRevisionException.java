package dev.migrate.graph;

/**
 * A revision names, as a parent or as a dependency, a revision that no script declares. Both ids are
 * exposed so that the script loader can add the file name of the referring script.
 */
public final class MissingRevisionException extends GraphException {

    private final String referrer;
    private final String missing;

    public MissingRevisionException(String referrer, String missing, boolean dependency) {
        super("Revision '" + missing + "' referenced " + (dependency ? "in 'Depends On' " : "in 'Revises' ")
                + "of revision '" + referrer + "' is not present; restore its script or correct the reference");
        this.referrer = referrer;
        this.missing = missing;
    }

    /** The revision whose header holds the dangling reference. */
    public String referrer() {
        return referrer;
    }

    /** The id that names no revision. */
    public String missing() {
        return missing;
    }
}
