package dev.migrate.graph;

import java.util.List;

/**
 * One revision to run in one direction, with the change it makes to the version table (Alembic's
 * layout: one row per applied head). The runtime deletes {@code headsToDelete} and inserts
 * {@code headsToInsert} in the same transaction as the revision's statements; one of each is an UPDATE.
 */
public record Step(Revision revision, Direction direction, List<String> headsToDelete, List<String> headsToInsert) {

    public Step {
        headsToDelete = List.copyOf(headsToDelete);
        headsToInsert = List.copyOf(headsToInsert);
    }

    /** Alembic's log arrow: {@code "a, b -> c"} for an upgrade, {@code "c -> a, b"} for a downgrade. */
    public String arrow() {
        String parents = String.join(", ", revision.downRevisions());
        return direction == Direction.UPGRADE
                ? parents + " -> " + revision.id()
                : revision.id() + " -> " + parents;
    }
}
