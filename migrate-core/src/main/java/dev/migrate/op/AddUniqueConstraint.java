package dev.migrate.op;

import dev.migrate.schema.UniqueConstraint;

/** Adds a UNIQUE constraint. */
public record AddUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {
    @Override
    public Operation reverse() {
        return new DropUniqueConstraint(table, constraint);
    }

    @Override
    public String tableName() {
        return table;
    }
}
