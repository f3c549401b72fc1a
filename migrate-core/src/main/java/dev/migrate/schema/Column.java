package dev.migrate.schema;

import java.util.Objects;

/**
 * A column: name, type, nullability, server default (an SQL expression as the database keeps it,
 * normalised, or null), and whether the database generates its values (autoincrement / identity).
 */
public record Column(String name, ColumnType type, boolean nullable, String serverDefault, boolean autoincrement) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, null, false);
    }

    public Column notNull() {
        return new Column(name, type, false, serverDefault, autoincrement);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, serverDefault, autoincrement);
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, value, serverDefault, autoincrement);
    }

    public Column withServerDefault(String expression) {
        return new Column(name, type, nullable, expression, autoincrement);
    }

    public Column withAutoincrement(boolean value) {
        return new Column(name, type, nullable, serverDefault, value);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, serverDefault, autoincrement);
    }
}
