package dev.migrate.op;

import dev.migrate.schema.Dependents;
import dev.migrate.schema.Table;

/**
 * Creates a table with its columns, keys, constraints and indexes; then, when it re-creates a dropped table
 * (the reverse of {@link DropTable}), the views that read it and the triggers, from their own statements.
 */
public record CreateTable(Table table, Dependents dependents) implements Operation {

    public CreateTable {
        dependents = dependents == null ? Dependents.NONE : dependents;
    }

    public CreateTable(Table table) {
        this(table, Dependents.NONE);
    }

    @Override
    public Operation reverse() {
        return new DropTable(table, dependents);
    }

    @Override
    public String tableName() {
        return table.name();
    }
}
