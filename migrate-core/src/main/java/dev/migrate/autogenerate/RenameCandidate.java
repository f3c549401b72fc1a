package dev.migrate.autogenerate;

/**
 * A dropped and an added object that look the same: a table with the same columns, or a column of the same
 * table with the same type and nullability. For a column, {@code table} is the table's name; for a table, null.
 */
public record RenameCandidate(ObjectKind kind, String table, String from, String to) {

    /** {@code items.title -> items.name} or {@code stores -> shops}. */
    public String describe() {
        return table == null ? from + " -> " + to : table + "." + from + " -> " + table + "." + to;
    }
}
