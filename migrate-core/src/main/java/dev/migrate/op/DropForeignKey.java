package dev.migrate.op;

import dev.migrate.schema.ForeignKey;

/** Drops a foreign key. */
public record DropForeignKey(String table, ForeignKey foreignKey) implements Operation {
    @Override
    public Operation reverse() {
        return new AddForeignKey(table, foreignKey);
    }

    @Override
    public String tableName() {
        return table;
    }
}
