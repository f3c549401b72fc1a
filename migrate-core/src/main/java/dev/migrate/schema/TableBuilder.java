package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;

/** The programmatic way to describe a table: for everything the annotations cannot say. */
public final class TableBuilder {

    private final String name;
    private TableKind kind = TableKind.TABLE;
    private final List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private boolean managed = true;
    private String definition;
    private String options;
    private String comment;
    private final List<String> firstRows = new ArrayList<>();

    TableBuilder(String name) {
        this.name = name;
    }

    public TableBuilder column(Column column) {
        columns.add(column);
        return this;
    }

    public TableBuilder primaryKey(String constraintName, String... columnNames) {
        primaryKey = new PrimaryKey(constraintName, List.of(columnNames));
        return this;
    }

    public TableBuilder foreignKey(ForeignKey foreignKey) {
        foreignKeys.add(foreignKey);
        return this;
    }

    public TableBuilder unique(UniqueConstraint unique) {
        uniques.add(unique);
        return this;
    }

    public TableBuilder index(Index index) {
        indexes.add(index);
        return this;
    }

    public TableBuilder check(CheckConstraint check) {
        checks.add(check);
        return this;
    }

    /** A virtual table created by {@code definition} (e.g. {@code CREATE VIRTUAL TABLE ... USING fts5(...)}). */
    public TableBuilder virtual(String createStatement) {
        kind = TableKind.VIRTUAL;
        definition = createStatement;
        return this;
    }

    /** Described by the models for the application's use, never created, altered or dropped by migrations. */
    public TableBuilder unmanaged() {
        managed = false;
        return this;
    }

    /**
     * Table options as written after CREATE TABLE's closing parenthesis ({@code ENGINE=InnoDB DEFAULT CHARSET=utf8mb4}
     * on MariaDB/MySQL): compared only when {@code CompareOptions.compareTableOptions} is on.
     */
    public TableBuilder options(String tableOptions) {
        options = tableOptions;
        return this;
    }

    /** The table's comment ({@code COMMENT ON TABLE} where the database keeps comments; SQLite keeps none). */
    public TableBuilder comment(String text) {
        comment = text;
        return this;
    }

    /**
     * A statement that fills the table right after the upgrade creating it ({@code INSERT INTO ids VALUES (1)}): rows
     * the application needs from the start, such as the first row of a sequence emulated with a table. Not compared.
     */
    public TableBuilder firstRow(String insertStatement) {
        firstRows.add(insertStatement);
        return this;
    }

    public Table build() {
        return new Table(name, kind, columns, primaryKey, foreignKeys, uniques, indexes, checks, managed, definition,
                options, comment, firstRows);
    }
}
