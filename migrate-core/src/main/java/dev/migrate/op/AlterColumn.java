package dev.migrate.op;

import dev.migrate.schema.Column;

/** Changes a column's type, nullability or server default, from {@code from} to {@code to} (same name). */
public record AlterColumn(String table, Column from, Column to) implements Operation {
    @Override
    public Operation reverse() {
        return new AlterColumn(table, to, from);
    }

    @Override
    public String tableName() {
        return table;
    }

    public boolean typeChanged() {
        return !from.type().equals(to.type());
    }

    public boolean nullableChanged() {
        return from.nullable() != to.nullable();
    }

    public boolean defaultChanged() {
        return !java.util.Objects.equals(from.serverDefault(), to.serverDefault());
    }
}
