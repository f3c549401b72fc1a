package dev.migrate.op;

import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

import java.util.List;

/**
 * Creates a table with its columns, keys, constraints and indexes; then, when it re-creates a dropped table
 * (the reverse of {@link DropTable}), the views that read it and the triggers, from their own statements.
 */
public record CreateTable(Table table, List<Schema.View> views, List<Schema.Trigger> triggers) implements Operation {

    public CreateTable {
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
    }

    public CreateTable(Table table) {
        this(table, List.of(), List.of());
    }

    @Override
    public Operation reverse() {
        return new DropTable(table, views, triggers);
    }

    @Override
    public String tableName() {
        return table.name();
    }
}
