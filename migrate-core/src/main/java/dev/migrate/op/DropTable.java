package dev.migrate.op;

import dev.migrate.schema.Table;

/** Drops a table; keeps the whole definition so that the reverse can create it again. */
public record DropTable(Table table) implements Operation {
    @Override
    public Operation reverse() {
        return new CreateTable(table);
    }

    @Override
    public String tableName() {
        return table.name();
    }
}
