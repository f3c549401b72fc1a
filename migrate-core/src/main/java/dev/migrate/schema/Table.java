package dev.migrate.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with its columns and constraints. {@code managed} is false for tables that the models describe
 * (so the application can use them) but that migrations must never create, alter or drop, such as an FTS5
 * table written by hand. {@code definition} keeps the database's own DDL when reflection read it (SQLite
 * keeps it for every table; virtual tables are only ever described by it). {@code options} are the table options
 * written after the closing parenthesis of CREATE TABLE (MariaDB: {@code ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
 * COLLATE=utf8mb4_general_ci}): reflection reads them, a model may state them; compared only when
 * {@code CompareOptions.compareTableOptions} asks, kept when a dropped table is created again.
 */
public record Table(String name, TableKind kind, List<Column> columns, PrimaryKey primaryKey,
                    List<ForeignKey> foreignKeys, List<UniqueConstraint> uniqueConstraints, List<Index> indexes,
                    List<CheckConstraint> checks, boolean managed, String definition, String options) {

    public Table {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? TableKind.TABLE : kind;
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
        options = options == null || options.isBlank() ? null : options.strip();
    }

    public Table(String name, TableKind kind, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<CheckConstraint> checks,
                 boolean managed, String definition) {
        this(name, kind, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, managed, definition, null);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    /**
     * The same table with other foreign keys; the database's own statement, which names the old keys, is
     * dropped (a virtual table's is its only description and is kept).
     */
    public Table withForeignKeys(List<ForeignKey> keys) {
        String kept = keys.equals(foreignKeys) || kind == TableKind.VIRTUAL ? definition : null;
        return new Table(name, kind, columns, primaryKey, keys, uniqueConstraints, indexes, checks, managed, kept,
                options);
    }

    /** The same table with other columns (a model's, as another database holds them); the rest kept. */
    public Table withColumns(List<Column> newColumns) {
        return newColumns.equals(columns) ? this
                : new Table(name, kind, newColumns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, managed,
                        definition);
    }

    public static TableBuilder builder(String name) {
        return new TableBuilder(name);
    }
}
