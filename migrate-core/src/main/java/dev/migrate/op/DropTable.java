package dev.migrate.op;

import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

import java.util.List;

/**
 * Drops a table; keeps the whole definition so that the reverse can create it again. {@code views} are the
 * views that read it (each after the views it reads), dropped before it; {@code triggers} are the triggers on
 * the table and on those views, which go with them: the reverse creates the table, then the views, then the
 * triggers, from the database's own statements.
 */
public record DropTable(Table table, List<Schema.View> views, List<Schema.Trigger> triggers) implements Operation {

    public DropTable {
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
    }

    public DropTable(Table table) {
        this(table, List.of(), List.of());
    }

    @Override
    public Operation reverse() {
        return new CreateTable(table, views, triggers);
    }

    @Override
    public String tableName() {
        return table.name();
    }
}
