package dev.migrate.schema;

import java.util.List;

/** A foreign key from {@code columns} to {@code referredColumns} of {@code referredTable}, with its actions. */
public record ForeignKey(String name, List<String> columns, String referredTable, List<String> referredColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    }
}
