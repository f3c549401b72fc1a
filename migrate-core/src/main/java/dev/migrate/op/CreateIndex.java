package dev.migrate.op;

import dev.migrate.schema.Index;

/** Creates an index on a table. */
public record CreateIndex(String table, Index index) implements Operation {
    @Override
    public Operation reverse() {
        return new DropIndex(table, index);
    }

    @Override
    public String tableName() {
        return table;
    }
}
