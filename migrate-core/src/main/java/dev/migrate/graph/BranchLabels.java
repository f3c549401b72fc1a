package dev.migrate.graph;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spreads each branch label from the revision that declares it, as Alembic's {@code _add_branches}
 * does, so that {@code history} can show it on every revision of the branch:
 * <ul>
 * <li>up: to every descendant through parents (not dependents), merges included;</li>
 * <li>down: to the ancestors in the same unbranched stretch, that is from the declaring revision down
 * its single parents while a revision is neither a merge point nor a branch point (counting dependents
 * as children, Alembic's "real" branch point).</li>
 * </ul>
 * Two linear passes over the topological order; revisions that gain nothing share one set instance, so
 * a long unlabelled chain costs nothing.
 */
final class BranchLabels {

    private BranchLabels() {
    }

    static Map<String, Set<String>> propagate(GraphIndex index) {
        List<Revision> ordered = index.ordered();
        Map<String, Set<String>> upward = new HashMap<>();
        for (Revision revision : ordered) {
            Set<String> labels = revision.branchLabels();
            for (String parent : revision.downRevisions()) {
                labels = union(labels, upward.get(parent));
            }
            upward.put(revision.id(), labels);
        }
        // The stretch a label reaches downwards: walking children first, a revision takes the stretch of
        // its only child when neither it nor that child interrupts the stretch.
        Map<String, Set<String>> downward = new HashMap<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Revision revision = ordered.get(i);
            Set<String> labels = Set.of();
            if (!interrupts(index, revision)) {
                labels = revision.branchLabels();
                List<String> next = index.successors(revision.id());
                if (next.size() == 1 && index.revision(next.get(0)).downRevisions().equals(List.of(revision.id()))) {
                    labels = union(labels, downward.get(next.get(0)));
                }
            }
            downward.put(revision.id(), labels);
        }
        Map<String, Set<String>> all = new HashMap<>();
        for (Revision revision : ordered) {
            all.put(revision.id(), union(upward.get(revision.id()), downward.get(revision.id())));
        }
        return all;
    }

    private static boolean interrupts(GraphIndex index, Revision revision) {
        return revision.isMergePoint() || index.successors(revision.id()).size() > 1;
    }

    /** The union, reusing either argument when it already holds everything. */
    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.isEmpty() || a.containsAll(b)) {
            return a;
        }
        if (a.isEmpty() || b.containsAll(a)) {
            return b;
        }
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }
}
