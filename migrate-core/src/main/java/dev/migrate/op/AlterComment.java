package dev.migrate.op;

/**
 * Changes the comment of a table ({@code column} null) or of one of its columns, from {@code from} to {@code to}
 * (null: no comment). Only for databases that keep comments (PostgreSQL's {@code COMMENT ON ... IS ...}).
 */
public record AlterComment(String table, String column, String from, String to) implements Operation {

    @Override
    public Operation reverse() {
        return new AlterComment(table, column, to, from);
    }

    @Override
    public String tableName() {
        return table;
    }

    /** Whether it is the table's own comment rather than a column's. */
    public boolean onTable() {
        return column == null;
    }
}
