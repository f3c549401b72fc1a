package dev.migrate.schema;

import java.util.Objects;

/**
 * A column: name, type, nullability, server default (an SQL expression as the database keeps it,
 * normalised, or null), and whether the database generates its values (autoincrement / identity).
 * {@code defaultDefinition} is the default exactly as the database keeps it, when reflection read it (null for
 * models): {@code ('now'::text)::date} is rendered as that, while comparisons look at the normalised
 * {@code serverDefault}. On an autoincrement column it is the {@code nextval('x_seq'::regclass)} of a sequence the
 * column owns, rendered instead of an identity, or a PostgreSQL identity's own clause
 * ({@code GENERATED ALWAYS AS IDENTITY (START WITH 100 ...)}). {@code comment} is the column's comment (PostgreSQL's
 * {@code COMMENT ON COLUMN}), or null; an empty comment is none, as PostgreSQL keeps it.
 */
public record Column(String name, ColumnType type, boolean nullable, String serverDefault, boolean autoincrement,
                     String defaultDefinition, String comment) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    public Column(String name, ColumnType type, boolean nullable, String serverDefault, boolean autoincrement,
                  String defaultDefinition) {
        this(name, type, nullable, serverDefault, autoincrement, defaultDefinition, null);
    }

    public Column(String name, ColumnType type, boolean nullable, String serverDefault, boolean autoincrement) {
        this(name, type, nullable, serverDefault, autoincrement, null, null);
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, null, false);
    }

    public Column notNull() {
        return new Column(name, type, false, serverDefault, autoincrement, defaultDefinition, comment);
    }

    /** Another type: the database's text of the default (its casts name the old type) no longer applies. */
    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, serverDefault, autoincrement,
                newType.equals(type) ? defaultDefinition : null, comment);
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, value, serverDefault, autoincrement, defaultDefinition, comment);
    }

    /** Another default: the database's own text of the old one no longer applies. */
    public Column withServerDefault(String expression) {
        return new Column(name, type, nullable, expression, autoincrement,
                Objects.equals(expression, serverDefault) ? defaultDefinition : null, comment);
    }

    public Column withAutoincrement(boolean value) {
        return new Column(name, type, nullable, serverDefault, value, defaultDefinition, comment);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, serverDefault, autoincrement, defaultDefinition, comment);
    }

    /** The same column as a model would say it, without the database's own text of its default. */
    public Column withoutDefaultDefinition() {
        return defaultDefinition == null ? this
                : new Column(name, type, nullable, serverDefault, autoincrement, null, comment);
    }

    /** The same column with this comment (null or empty: none). */
    public Column withComment(String text) {
        return new Column(name, type, nullable, serverDefault, autoincrement, defaultDefinition, text);
    }
}
