package dev.migrate.op;

import dev.migrate.schema.Table;

/** Creates a table with its columns, keys, constraints and indexes. */
public record CreateTable(Table table) implements Operation {
    @Override
    public Operation reverse() {
        return new DropTable(table);
    }

    @Override
    public String tableName() {
        return table.name();
    }
}
