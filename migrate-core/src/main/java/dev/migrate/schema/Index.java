package dev.migrate.schema;

import java.util.List;

/**
 * An index: its name, the columns (or, for an expression index, the expressions as the database renders
 * them) in order, and whether it is unique. {@code definition} is the database's own CREATE INDEX statement when
 * reflection read it (null for models): a reflected index is re-created from it, keeping what the columns do
 * not say (method, WHERE of a partial index, INCLUDE, sort order, operator classes); comparisons ignore it.
 */
public record Index(String name, List<String> columns, boolean unique, String definition) {

    public Index {
        columns = List.copyOf(columns);
        if (definition != null && definition.isBlank()) {
            definition = null;
        }
    }

    public Index(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, null);
    }

    /** The same index without the database's statement (its columns renamed, say). */
    public Index withoutDefinition() {
        return definition == null ? this : new Index(name, columns, unique, null);
    }
}
