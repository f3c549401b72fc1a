package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The version table as a plan runs, step by step, in Alembic's layout: one row per applied revision
 * that no other applied revision names as a parent. Dependencies do not remove rows: a revision that
 * only others depend on keeps its own row, so that its branch can still move on its own.
 *
 * <p>Each step updates the rows and the count of applied children incrementally; nothing is
 * recomputed from the whole graph, so a plan of any length costs time linear in its size.
 */
final class VersionRows {

    private final GraphIndex index;
    private final Set<String> rows;
    private final Set<String> applied;
    private final Map<String, Integer> appliedChildren = new HashMap<>();

    VersionRows(GraphIndex index, Collection<String> rows, Set<String> applied) {
        this.index = index;
        this.rows = new LinkedHashSet<>(rows);
        this.applied = applied;
        for (String id : applied) {
            for (String parent : index.revision(id).downRevisions()) {
                appliedChildren.merge(parent, 1, Integer::sum);
            }
        }
    }

    /** Upgrading X replaces the rows of its parents (one of them is an UPDATE) by X. */
    Step upgrade(String id) {
        Revision revision = index.revision(id);
        List<String> delete = revision.downRevisions().stream().filter(rows::contains).toList();
        rows.removeAll(delete);
        rows.add(id);
        applied.add(id);
        revision.downRevisions().forEach(parent -> appliedChildren.merge(parent, 1, Integer::sum));
        return new Step(revision, Direction.UPGRADE, delete, List.of(id));
    }

    /**
     * Downgrading X removes its row and brings back each parent (or dependency) that is still applied
     * and now has no applied child. A dependency usually has its own row already; it gains one here
     * only in a database that Alembic wrote, where a dependency's row is folded into its dependent.
     */
    Step downgrade(String id) {
        Revision revision = index.revision(id);
        List<String> delete = rows.remove(id) ? List.of(id) : List.of();
        applied.remove(id);
        revision.downRevisions().forEach(parent -> appliedChildren.merge(parent, -1, Integer::sum));
        List<String> insert = new ArrayList<>();
        Set<String> uncovered = new LinkedHashSet<>(revision.downRevisions());
        uncovered.addAll(index.dependencies(id));
        for (String parent : uncovered) {
            if (applied.contains(parent) && !rows.contains(parent) && appliedChildren.getOrDefault(parent, 0) == 0) {
                rows.add(parent);
                insert.add(parent);
            }
        }
        return new Step(revision, Direction.DOWNGRADE, delete, insert);
    }

    List<String> rows() {
        return List.copyOf(rows);
    }
}
