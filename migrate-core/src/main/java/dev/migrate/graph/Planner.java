package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Upgrade, downgrade and stamp plans from the database's version-table rows, as Alembic's
 * {@code _collect_upgrade_revisions}, {@code _collect_downgrade_revisions} and {@code _stamp_revs}.
 * "Applied" is everything the rows reach through parents and dependencies.
 */
final class Planner {

    private final GraphIndex index;
    private final Resolver resolver;

    Planner(GraphIndex index, Resolver resolver) {
        this.index = index;
        this.resolver = resolver;
    }

    Plan upgrade(Collection<String> currentHeads, String target) {
        List<String> rows = resolver.current(currentHeads);
        List<String> targets = resolver.resolve(target, rows);
        Set<String> applied = index.ancestors(rows, true);
        for (String id : targets) {
            if (applied.contains(id) && index.children(id).stream().anyMatch(applied::contains)) {
                throw new InvalidTargetException("Revision " + id + " is below the database's current revision(s) "
                        + String.join(", ", rows) + "; use downgrade to go back to it");
            }
        }
        Set<String> needed = index.ancestors(targets, true);
        needed.removeAll(applied);
        VersionRows versions = new VersionRows(index, rows, applied);
        List<Step> steps = new ArrayList<>();
        for (String id : index.parentsFirst(needed)) {
            steps.add(versions.upgrade(id));
        }
        return new Plan(Direction.UPGRADE, rows, versions.rows(), steps);
    }

    Plan downgrade(Collection<String> currentHeads, String target) {
        List<String> rows = resolver.current(currentHeads);
        Resolver.Target resolved = resolver.target(target, rows);
        Set<String> applied = index.ancestors(rows, true);
        Set<String> removing;
        if (resolved.ids().isEmpty()) {
            removing = index.descendants(basesOf(resolved.branch()), true);
        } else {
            for (String id : resolved.ids()) {
                if (!applied.contains(id)) {
                    throw new InvalidTargetException("Revision " + id + " is not applied to the database (current: "
                            + (rows.isEmpty() ? "base" : String.join(", ", rows)) + "); use upgrade to reach it");
                }
            }
            removing = index.descendants(resolved.ids(), true);
            removing.removeAll(resolved.ids());
        }
        removing.retainAll(applied);
        VersionRows versions = new VersionRows(index, rows, applied);
        List<Step> steps = new ArrayList<>();
        for (String id : index.childrenFirst(removing)) {
            steps.add(versions.downgrade(id));
        }
        return new Plan(Direction.DOWNGRADE, rows, versions.rows(), steps);
    }

    /**
     * Each target replaces the rows on its own lineage (its ancestors and descendants); rows of
     * unrelated branches stay. {@code purge} starts from an empty table, and accepts rows no script
     * knows, which is what it is for.
     */
    Plan stamp(Collection<String> currentHeads, String target, boolean purge) {
        List<String> from = purge ? List.copyOf(new LinkedHashSet<>(currentHeads)) : resolver.current(currentHeads);
        Resolver.Target resolved = resolver.target(target, currentHeads);
        Set<String> to = new LinkedHashSet<>(purge ? List.of() : from);
        if (resolved.ids().isEmpty()) {
            if (resolved.branch() == null) {
                to.clear();
            } else {
                to.removeAll(index.lineage(resolved.branch()));
            }
        }
        for (String id : resolved.ids()) {
            to.removeAll(index.lineage(id));
            to.add(id);
        }
        return Plan.stamp(from, List.copyOf(to));
    }

    /** The bases a downgrade to base starts from: all of them, or those below one branch's revision. */
    private List<String> basesOf(String branch) {
        if (branch == null) {
            return index.bases();
        }
        Set<String> below = index.ancestors(List.of(branch), false);
        return index.bases().stream().filter(below::contains).toList();
    }
}
