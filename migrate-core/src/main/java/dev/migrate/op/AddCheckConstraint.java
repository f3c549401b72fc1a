package dev.migrate.op;

import dev.migrate.schema.CheckConstraint;

/** Adds a CHECK constraint. */
public record AddCheckConstraint(String table, CheckConstraint check) implements Operation {
    @Override
    public Operation reverse() {
        return new DropCheckConstraint(table, check);
    }

    @Override
    public String tableName() {
        return table;
    }
}
