package dev.migrate.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A whole schema: what the models describe, or what reflection read from a database. Reflection also
 * keeps the triggers and views (by the database's own DDL), which a SQLite table rebuild must restore.
 */
public record Schema(List<Table> tables, List<Trigger> triggers, List<View> views) {

    public Schema {
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        triggers = List.copyOf(triggers);
        views = List.copyOf(views);
    }

    public static Schema of(List<Table> tables) {
        return new Schema(tables, List.of(), List.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** A trigger as the database keeps it: its name, the table it fires on, and its whole CREATE statement. */
    public record Trigger(String name, String table, String definition) {
    }

    /** A view as the database keeps it: its name and its whole CREATE statement. */
    public record View(String name, String definition) {
    }
}
