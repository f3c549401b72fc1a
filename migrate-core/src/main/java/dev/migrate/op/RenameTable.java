package dev.migrate.op;

/** Renames a table, keeping its rows. */
public record RenameTable(String from, String to) implements Operation {
    @Override
    public Operation reverse() {
        return new RenameTable(to, from);
    }

    @Override
    public String tableName() {
        return to;
    }
}
