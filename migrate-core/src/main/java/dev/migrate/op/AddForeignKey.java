package dev.migrate.op;

import dev.migrate.schema.ForeignKey;

/** Adds a foreign key. */
public record AddForeignKey(String table, ForeignKey foreignKey) implements Operation {
    @Override
    public Operation reverse() {
        return new DropForeignKey(table, foreignKey);
    }

    @Override
    public String tableName() {
        return table;
    }
}
