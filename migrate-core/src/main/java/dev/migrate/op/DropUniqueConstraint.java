package dev.migrate.op;

import dev.migrate.schema.UniqueConstraint;

/** Drops a UNIQUE constraint. */
public record DropUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {
    @Override
    public Operation reverse() {
        return new AddUniqueConstraint(table, constraint);
    }

    @Override
    public String tableName() {
        return table;
    }
}
