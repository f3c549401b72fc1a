package dev.migrate.op;

import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;

import java.util.List;
import java.util.Map;

/**
 * SQLite's way to make a change it has no ALTER for: create the new table beside the old one, copy the
 * rows ({@code columnSources} maps each new column to the old column it is filled from; a new column
 * absent from the map takes its default), drop the old table, rename the new one, and restore the
 * indexes, the {@code triggers} on the table and the {@code views} that read it. Foreign keys are not
 * enforced during the copy, so no cascading delete fires, and are checked afterwards.
 */
public record RebuildTable(Table from, Table to, Map<String, String> columnSources, List<Schema.Trigger> triggers,
                           List<Schema.View> views) implements Operation {

    public RebuildTable {
        columnSources = Map.copyOf(columnSources);
        triggers = List.copyOf(triggers);
        views = List.copyOf(views);
    }

    @Override
    public Operation reverse() {
        Map<String, String> back = new java.util.LinkedHashMap<>();
        columnSources.forEach((newColumn, oldColumn) -> back.put(oldColumn, newColumn));
        return new RebuildTable(to, from, back, triggers, views);
    }

    @Override
    public String tableName() {
        return to.name();
    }
}
