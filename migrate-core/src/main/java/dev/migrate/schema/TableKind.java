package dev.migrate.schema;

/** A plain table, or a virtual table (SQLite FTS3/4/5, R-tree) whose shadow tables the database manages. */
public enum TableKind {
    TABLE, VIRTUAL
}
