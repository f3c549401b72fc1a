package dev.migrate.op;

import dev.migrate.schema.Index;

/** Drops an index; keeps its definition for the reverse. */
public record DropIndex(String table, Index index) implements Operation {
    @Override
    public Operation reverse() {
        return new CreateIndex(table, index);
    }

    @Override
    public String tableName() {
        return table;
    }
}
