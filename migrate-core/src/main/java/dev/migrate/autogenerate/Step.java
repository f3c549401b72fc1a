package dev.migrate.autogenerate;

import dev.migrate.op.Operation;

import java.util.List;

/**
 * One operation found by a comparator, with where it goes in the script: its {@code phase} (drops of
 * foreign keys before column changes, new foreign keys after them, ...), the rank of its table in the
 * order tables are processed, and its descriptions.
 */
record Step(Operation operation, Phase phase, int tableRank, List<String> descriptions) {

    enum Phase {
        RENAME_TABLE, CREATE_TABLE, DROP_FOREIGN_KEY, DROP_INDEX, DROP_CONSTRAINT, RENAME_COLUMN, ADD_COLUMN,
        ALTER_COLUMN, DROP_COLUMN, ADD_CONSTRAINT, CREATE_INDEX, ADD_FOREIGN_KEY, DROP_TABLE;

        /** The phases in which an existing table is altered (what a SQLite rebuild replaces). */
        boolean altersTable() {
            return this != RENAME_TABLE && this != CREATE_TABLE && this != DROP_TABLE;
        }
    }

    Step(Operation operation, Phase phase, int tableRank) {
        this(operation, phase, tableRank, Descriptions.of(operation));
    }
}
