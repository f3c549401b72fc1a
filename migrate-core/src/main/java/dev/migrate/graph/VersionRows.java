package dev.migrate.graph;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
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
    private final Set<String> applied;

    /** @param applied what {@code rows} apply, through parents and dependencies; copied, then kept up to date */
    VersionRows(GraphIndex index, Collection<String> rows, Set<String> applied) {
        this.index = index;
        this.rows = new LinkedHashSet<>(rows);
        this.applied = new HashSet<>(applied);
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
            delete = present.stream().filter(row -> !impliedByAnotherRow(row, down)).toList();
        } else {
            delete = present;
        }
        rows.removeAll(delete);
        rows.add(id);
        applied.add(id);
        return new Step(revision, Direction.UPGRADE, delete, List.of(id));
    }

    Step downgrade(String id) {
        Revision revision = index.revision(id);
        if (!rows.remove(id)) {
            // Only a table that neither tool wrote can lack the row (Alembic stops there); nothing to move.
            return new Step(revision, Direction.DOWNGRADE, List.of(), List.of());
        }
        applied.remove(id);
        // Alembic's _unmerge_to_revisions: down revisions that the remaining rows already imply get no row.
        List<String> insert = index.versionedDown(id).stream()
                .filter(parent -> !impliedByAnotherRow(parent, List.of()))
                .toList();
        rows.addAll(insert);
        return new Step(revision, Direction.DOWNGRADE, List.of(id), insert);
    }

    /**
     * Whether a row other than {@code except} is {@code id} or has it among its ancestors (through
     * parents and dependencies): Alembic's test against {@code _get_ancestor_nodes(other_heads)}. Searched
     * upwards from {@code id} through applied revisions only, which every path to a row stays within,
     * so that a step costs what is applied above it rather than the whole graph.
     */
    private boolean impliedByAnotherRow(String id, Collection<String> except) {
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        Set<String> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            String at = todo.pop();
            if (rows.contains(at) && !except.contains(at)) {
                return true;
            }
            for (String next : index.successors(at)) {
                if (applied.contains(next) && seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return false;
    }

    List<String> rows() {
        return List.copyOf(rows);
    }
}
