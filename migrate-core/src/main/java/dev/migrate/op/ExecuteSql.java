package dev.migrate.op;

/** Hand-written SQL with its undo, for what no other operation says. */
public record ExecuteSql(String table, String upgrade, String downgrade) implements Operation {
    @Override
    public Operation reverse() {
        return new ExecuteSql(table, downgrade, upgrade);
    }

    @Override
    public String tableName() {
        return table;
    }
}
