package dev.migrate.op;

/** Renames a column, keeping its data. */
public record RenameColumn(String table, String from, String to) implements Operation {
    @Override
    public Operation reverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public String tableName() {
        return table;
    }
}
