package dev.migrate.schema;

import java.util.List;

/** A UNIQUE constraint over one or more columns. */
public record UniqueConstraint(String name, List<String> columns) {

    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
