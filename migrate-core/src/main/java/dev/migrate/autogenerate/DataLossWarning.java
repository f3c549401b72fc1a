package dev.migrate.autogenerate;

/**
 * A change that can lose data or fail on existing rows: what, where ({@code column} null for a whole table),
 * and why. Written into the script as {@code -- WARNING: ...} just above the statements concerned.
 */
public record DataLossWarning(Kind kind, String table, String column, String reason) {

    public enum Kind {
        /** A table and all its rows go. */
        DROP_TABLE,
        /** A column and its values go. */
        DROP_COLUMN,
        /** The new type holds less than the old (shorter VARCHAR, smaller integer, less precision, TEXT to VARCHAR(n)). */
        NARROWING_TYPE,
        /** NOT NULL without a server default on a table with rows: the statement fails on them. */
        NOT_NULL_WITHOUT_DEFAULT,
        /** A view, materialized view or trigger that goes with a dropped table (the downgrade creates it again). */
        DROP_DEPENDENT,
        /** Something the engine does not manage and cannot create again (policy, grants, inheritance...). */
        NOT_KEPT,
        /** A trigger or rule of a table that stays names the dropped table: left as it is, it fails without it. */
        REFERRED_TO
    }

    /** One line: {@code items.description: dropping the column loses its values}. */
    public String message() {
        return (column == null ? table : table + "." + column) + ": " + reason;
    }
}
