package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The version table as a plan runs, step by step, by the rules of Alembic's {@code HeadMaintainer}
 * ({@code update_to_step} with {@code RevisionStep}): a revision's "down revisions" are its parents and
 * the dependencies no ancestor already has ({@link GraphIndex#versionedDown}).
 * <ul>
 * <li>Upgrading X inserts X when none of its down revisions is a row (a base, or a new branch);
 * when several of them are rows it deletes those that no other row implies but one and updates that one to X
 * (a merge; so a dependency's row is folded into its dependent's); otherwise it updates its one row to X.</li>
 * <li>Downgrading X (a row) brings back those of its down revisions that no other row implies: none
 * deletes X's row, one is an update, several insert the others.</li>
 * </ul>
 * The same rows therefore come out whichever of this engine and Alembic drove the database before.
 */
final class VersionRows {

    private final GraphIndex index;
    private final Set<String> rows;

    VersionRows(GraphIndex index, Collection<String> rows) {
        this.index = index;
        this.rows = new LinkedHashSet<>(rows);
    }

    Step upgrade(String id) {
        Revision revision = index.revision(id);
        List<String> down = index.versionedDown(id);
        List<String> present = down.stream().filter(rows::contains).toList();
        List<String> delete;
        if (present.isEmpty()) {
            delete = List.of();
        } else if (present.size() > 1) {
            // Alembic's merge_branch_idents: the down revisions that another row implies stay implied by it.
            Set<String> others = new LinkedHashSet<>(rows);
            down.forEach(others::remove);
            Set<String> implied = index.ancestors(others, true);
            delete = present.stream().filter(row -> !implied.contains(row)).toList();
        } else {
            delete = present;
        }
        rows.removeAll(delete);
        rows.add(id);
        return new Step(revision, Direction.UPGRADE, delete, List.of(id));
    }

    Step downgrade(String id) {
        Revision revision = index.revision(id);
        if (!rows.remove(id)) {
            // Only a table that neither tool wrote can lack the row (Alembic stops there); nothing to move.
            return new Step(revision, Direction.DOWNGRADE, List.of(), List.of());
        }
        // Alembic's _unmerge_to_revisions: down revisions that the remaining rows already imply get no row.
        Set<String> implied = index.ancestors(rows, true);
        List<String> insert = new ArrayList<>();
        for (String parent : index.versionedDown(id)) {
            if (!implied.contains(parent) && rows.add(parent)) {
                insert.add(parent);
            }
        }
        return new Step(revision, Direction.DOWNGRADE, List.of(id), insert);
    }

    List<String> rows() {
        return List.copyOf(rows);
    }
}
