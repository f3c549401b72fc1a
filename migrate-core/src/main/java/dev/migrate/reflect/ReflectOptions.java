package dev.migrate.reflect;

import dev.migrate.dialect.TableName;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What to read: the schema ({@code null}: PostgreSQL's {@code current_schema()}, SQLite's {@code main}),
 * which tables (a filter on table names, applied before any detail is read: an excluded table is never
 * queried in detail), and the engine's own tables to leave out (version table, log table).
 */
public record ReflectOptions(String schema, Predicate<String> tableFilter, Set<String> excludedTables) {

    public ReflectOptions {
        tableFilter = tableFilter == null ? name -> true : tableFilter;
        excludedTables = excludedTables == null ? Set.of() : Set.copyOf(excludedTables);
        if (schema != null && schema.isBlank()) {
            schema = null;
        }
    }

    /** Every table of the default schema. */
    public static ReflectOptions defaults() {
        return new ReflectOptions(null, null, Set.of());
    }

    public ReflectOptions inSchema(String schemaName) {
        return new ReflectOptions(schemaName, tableFilter, excludedTables);
    }

    /** Only tables whose names pass {@code filter} (combined with any filter already set). */
    public ReflectOptions filter(Predicate<String> filter) {
        Objects.requireNonNull(filter, "filter");
        return new ReflectOptions(schema, tableFilter.and(filter), excludedTables);
    }

    /** Leaves these tables out by name. */
    public ReflectOptions excluding(String... tableNames) {
        Set<String> names = new HashSet<>(excludedTables);
        names.addAll(Set.of(tableNames));
        return new ReflectOptions(schema, tableFilter, names);
    }

    /** Leaves the engine's own tables out (version table, log table); their schema part is not compared. */
    public ReflectOptions excluding(TableName... engineTables) {
        Set<String> names = new HashSet<>(excludedTables);
        for (TableName table : engineTables) {
            names.add(table.name());
        }
        return new ReflectOptions(schema, tableFilter, names);
    }

    /** Whether the table is read: not excluded, and passing the filter. */
    public boolean includes(String tableName) {
        return !excludedTables.contains(tableName) && tableFilter.test(tableName);
    }
}
