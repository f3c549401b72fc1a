package dev.migrate.graph;

/** An expression, or the database's version table, names a revision that no script declares. */
public final class UnknownRevisionException extends GraphException {

    private final String revision;

    public UnknownRevisionException(String revision, String message) {
        super(message);
        this.revision = revision;
    }

    static UnknownRevisionException noSuch(String revision) {
        return new UnknownRevisionException(revision,
                "No such revision or branch '" + revision + "'; see history for the known revisions");
    }

    static UnknownRevisionException inDatabase(String revision) {
        return new UnknownRevisionException(revision, "The database is at revision '" + revision
                + "', which no script knows; restore its script, or use stamp --purge to set the version table");
    }

    public String revision() {
        return revision;
    }
}
