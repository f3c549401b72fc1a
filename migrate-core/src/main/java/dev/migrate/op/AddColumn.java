package dev.migrate.op;

import dev.migrate.schema.Column;

/** Adds a column to a table. */
public record AddColumn(String table, Column column) implements Operation {
    @Override
    public Operation reverse() {
        return new DropColumn(table, column);
    }

    @Override
    public String tableName() {
        return table;
    }
}
