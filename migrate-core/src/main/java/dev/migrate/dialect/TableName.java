package dev.migrate.dialect;

import java.util.Objects;

/** A table name with an optional schema, as the engine's own tables (version table, log) are named. */
public record TableName(String schema, String name) {

    public TableName {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a table name must not be blank");
        }
        if (schema != null && schema.isBlank()) {
            schema = null;
        }
    }

    public static TableName of(String name) {
        return new TableName(null, name);
    }

    /** Parses {@code name} or {@code schema.name}. */
    public static TableName parse(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? of(qualified) : new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    /** The name as it appears in SQL, each part quoted only when it has to be. */
    public String render(Dialect dialect) {
        String table = dialect.quoteIfNeeded(name);
        return schema == null ? table : dialect.quoteIfNeeded(schema) + "." + table;
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
