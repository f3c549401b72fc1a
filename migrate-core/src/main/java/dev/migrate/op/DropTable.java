package dev.migrate.op;

import dev.migrate.schema.Dependents;
import dev.migrate.schema.Table;

/**
 * Drops a table; keeps the whole definition so that the reverse can create it again. The views of its
 * {@link Dependents} are dropped before it (the rest goes with it); the reverse creates the sequences, the table,
 * then the views, triggers and rules, from the database's own statements.
 */
public record DropTable(Table table, Dependents dependents) implements Operation {

    public DropTable {
        dependents = dependents == null ? Dependents.NONE : dependents;
    }

    public DropTable(Table table) {
        this(table, Dependents.NONE);
    }

    @Override
    public Operation reverse() {
        return new CreateTable(table, dependents);
    }

    @Override
    public String tableName() {
        return table.name();
    }
}
