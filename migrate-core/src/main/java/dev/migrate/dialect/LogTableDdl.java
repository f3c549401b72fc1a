package dev.migrate.dialect;

/**
 * The DDL of the append-only log table: the same columns on every database, but for how the id is generated and
 * which types hold the start time and the duration. A dialect of a third party builds its own with it too.
 */
public final class LogTableDdl {

    private LogTableDdl() {
    }

    /**
     * {@code CREATE TABLE} for the log table {@code renderedName} (already quoted as the dialect quotes it), with
     * {@code idColumn} the whole definition of the id column, e.g. {@code "id INTEGER PRIMARY KEY"}.
     */
    public static String create(String renderedName, String idColumn, String startedAtType, String durationType) {
        return "CREATE TABLE " + renderedName + " (\n"
                + "    " + idColumn + ",\n"
                + "    revision VARCHAR(32) NOT NULL,\n"
                + "    direction VARCHAR(10) NOT NULL,\n"
                + "    message VARCHAR(500),\n"
                + "    checksum VARCHAR(80),\n"
                + "    started_at " + startedAtType + " NOT NULL,\n"
                + "    duration_ms " + durationType + " NOT NULL,\n"
                + "    installed_by VARCHAR(100),\n"
                + "    success BOOLEAN NOT NULL,\n"
                + "    error VARCHAR(2000)\n"
                + ")";
    }
}
