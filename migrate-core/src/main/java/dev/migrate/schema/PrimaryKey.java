package dev.migrate.schema;

import java.util.List;

/** A primary key; {@code name} is null when the database named it itself (SQLite) or the model did not. */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
