package dev.migrate.schema;

import java.util.List;

/**
 * An index: its name, the columns (or, for an expression index, the expressions as the database renders
 * them) in order, and whether it is unique.
 */
public record Index(String name, List<String> columns, boolean unique) {

    public Index {
        columns = List.copyOf(columns);
    }
}
