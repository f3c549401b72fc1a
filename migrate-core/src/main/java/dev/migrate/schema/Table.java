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
 * {@code CompareOptions.compareTableOptions} asks, kept when a dropped table is created again. {@code comment} is the table's comment
 * (PostgreSQL's {@code COMMENT ON TABLE}), or null. {@code firstRows} are the statements that fill a table a model
 * needs filled from its creation on (the first row of a sequence Hibernate emulates with a table): run by the upgrade
 * that creates it, never compared; reflection has none.
 */
public record Table(String name, TableKind kind, List<Column> columns, PrimaryKey primaryKey,
                    List<ForeignKey> foreignKeys, List<UniqueConstraint> uniqueConstraints, List<Index> indexes,
                    List<CheckConstraint> checks, boolean managed, String definition, String options, String comment,
                    List<String> firstRows) {

    public Table {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? TableKind.TABLE : kind;
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
        options = options == null || options.isBlank() ? null : options.strip();
        comment = comment == null || comment.isEmpty() ? null : comment;
        firstRows = firstRows == null ? List.of() : List.copyOf(firstRows);
    }

    /** A table without options, a comment or first rows. */
    public Table(String name, TableKind kind, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<CheckConstraint> checks,
                 boolean managed, String definition) {
        this(name, kind, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, managed, definition,
                null, null, List.of());
    }

    /** A table with options (MariaDB's), without a comment or first rows. */
    public Table(String name, TableKind kind, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<CheckConstraint> checks,
                 boolean managed, String definition, String options) {
        this(name, kind, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, managed, definition,
                options, null, List.of());
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
                options, comment, firstRows);
    }

    /**
     * The same table with other parts (columns, keys, constraints, indexes, managed, the database's own statement), its
     * options, comment and first rows kept: what copies made while comparing and rendering use, so that none loses them.
     */
    public Table with(String newName, List<Column> newColumns, PrimaryKey newPrimaryKey, List<ForeignKey> keys,
                      List<UniqueConstraint> uniques, List<Index> newIndexes, List<CheckConstraint> newChecks,
                      String newDefinition) {
        return new Table(newName, kind, newColumns, newPrimaryKey, keys, uniques, newIndexes, newChecks, managed,
                newDefinition, options, comment, firstRows);
    }

    /** The same table with this comment (null: none). */
    public Table withComment(String text) {
        return new Table(name, kind, columns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, managed,
                definition, options, text, firstRows);
    }

    /** The same table without any comment, on it or on its columns (a database that keeps none). */
    public Table withoutComments() {
        if (comment == null && columns.stream().allMatch(column -> column.comment() == null)) {
            return this;
        }
        return new Table(name, kind, columns.stream().map(column -> column.withComment(null)).toList(), primaryKey,
                foreignKeys, uniqueConstraints, indexes, checks, managed, definition, options, null, firstRows);
    }

    /** The same table with other columns (a model's, as another database holds them); the rest kept. */
    public Table withColumns(List<Column> newColumns) {
        return newColumns.equals(columns) ? this
                : new Table(name, kind, newColumns, primaryKey, foreignKeys, uniqueConstraints, indexes, checks, managed,
                        definition, options, comment, firstRows);
    }

    public static TableBuilder builder(String name) {
        return new TableBuilder(name);
    }
}
