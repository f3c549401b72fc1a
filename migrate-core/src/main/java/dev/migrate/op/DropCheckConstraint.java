package dev.migrate.op;

import dev.migrate.schema.CheckConstraint;

/** Drops a CHECK constraint. */
public record DropCheckConstraint(String table, CheckConstraint check) implements Operation {
    @Override
    public Operation reverse() {
        return new AddCheckConstraint(table, check);
    }

    @Override
    public String tableName() {
        return table;
    }
}
