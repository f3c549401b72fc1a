package dev.migrate.op;

import dev.migrate.schema.Column;

/** Drops a column; keeps its definition for the reverse. */
public record DropColumn(String table, Column column) implements Operation {
    @Override
    public Operation reverse() {
        return new AddColumn(table, column);
    }

    @Override
    public String tableName() {
        return table;
    }
}
