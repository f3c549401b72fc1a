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
        if (rows.containsAll(targets) && targets.stream().allMatch(id -> index.children(id).isEmpty())) {
            // Already there (every start at head asks this): each target is a row, so all it needs is applied, and
            // none has a child that could be applied above it; the walks below would find this same empty plan.
            return new Plan(Direction.UPGRADE, rows, rows, List.of());
        }
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
        for (String id : resolved.ids()) {
            if (!applied.contains(id)) {
                throw new InvalidTargetException("Revision " + id + " is not applied to the database (current: "
                        + listed(rows) + "); use upgrade to reach it");
            }
        }
        Set<String> removing;
        if (resolved.scope() != null) {
            removing = index.descendants(branchRoots(resolved, target.strip(), rows, applied), true);
        } else if (resolved.ids().isEmpty()) {
            removing = index.descendants(basesOf(resolved.branch()), true);
        } else {
            // As Alembic: undo what revises the target (its children, through parents) and all that
            // needs those; a revision that merely depends on the target is not above it.
            List<String> children = resolved.ids().stream().flatMap(id -> index.children(id).stream()).toList();
            removing = index.descendants(children, true);
            removing.removeAll(resolved.ids());
            removing.retainAll(applied);
            if (removing.isEmpty() && !rows.containsAll(resolved.ids())) {
                throw new InvalidTargetException("Revision " + String.join(", ", resolved.ids())
                        + " is applied only as a dependency of the current revision(s) " + listed(rows)
                        + ", and no applied revision revises it; downgrade to a revision below those instead");
            }
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
     * Where a downgrade confined to one branch starts undoing (it undoes these and what needs them):
     * as Alembic's {@code _collect_downgrade_revisions} filters its roots by the branch, but never a
     * revision that another applied branch descends from, which Alembic would undo with that branch.
     */
    private List<String> branchRoots(Resolver.Target resolved, String expression, List<String> rows,
            Set<String> applied) {
        String branch = resolved.scope();
        Set<String> own = index.appliedOnBranch(resolved.branch(), applied);
        if (!resolved.walked().isEmpty()) {
            List<String> walked = resolved.walked().stream().filter(applied::contains).toList();
            int owned = 0;
            while (owned < walked.size() && own.contains(walked.get(owned))) {
                owned++;
            }
            if (owned < walked.size()) {
                throw leavesBranch(expression, branch, resolved.walked().size(), walked.subList(0, owned),
                        walked.get(owned));
            }
            return List.of(resolved.walked().get(resolved.walked().size() - 1));
        }
        if (resolved.ids().isEmpty()) {
            if (own.isEmpty()) {
                throw InvalidTargetException.nothingOnBranch(branch, rows);
            }
            return List.copyOf(own);
        }
        Set<String> lineage = index.lineage(resolved.branch());
        List<String> roots = new ArrayList<>();
        for (String id : resolved.ids()) {
            for (String child : index.children(id)) {
                if (lineage.contains(child) && applied.contains(child)) {
                    if (!own.contains(child)) {
                        throw new InvalidTargetException("Revision " + id + " is below where branch '" + branch
                                + "' leaves the revisions another applied branch needs (" + child + "); downgrade to "
                                + id + " without '" + branch + "@' to undo every branch above it");
                    }
                    roots.add(child);
                }
            }
        }
        if (roots.isEmpty() && !rows.containsAll(resolved.ids())) {
            throw new InvalidTargetException("Branch '" + branch + "' has nothing applied above "
                    + String.join(", ", resolved.ids()) + " (current: " + listed(rows) + "); nothing to downgrade");
        }
        return roots;
    }

    /**
     * A walk down a branch that reaches a revision another applied branch needs. A bare {@code -N}
     * keeps to the branch of the one current row, as Alembic does; what lies below it there is then
     * needed by a branch that row depends on.
     */
    private static RelativeRevisionException leavesBranch(String expression, String branch, int steps,
            List<String> own, String needed) {
        boolean labelled = expression.contains("@");
        String where = labelled ? "on branch '" + branch + "': only " + own.size() + " of its revisions"
                : "from " + branch + ": only " + own.size() + " of that branch's revisions";
        String instead = labelled ? branch + "@base to undo the whole branch" : "base to undo every branch";
        return new RelativeRevisionException(expression, "Relative revision " + expression + " didn't produce " + steps
                + " migrations " + where + " are applied (" + String.join(", ", own) + "), and " + needed
                + " below them is needed by another applied branch; use " + instead);
    }

    private static String listed(List<String> rows) {
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }

    /**
     * Each target replaces the rows on its own lineage (its ancestors and descendants, through parents
     * and dependencies, as Alembic's {@code _stamp_revs} filters the heads); rows of unrelated branches
     * stay. {@code purge} starts from an empty table, and accepts rows no script knows, which is what it is for.
     */
    Plan stamp(Collection<String> currentHeads, String target, boolean purge) {
        List<String> from = purge ? List.copyOf(new LinkedHashSet<>(currentHeads)) : resolver.current(currentHeads);
        Resolver.Target resolved = resolver.target(target, currentHeads);
        Set<String> to = new LinkedHashSet<>(purge ? List.of() : from);
        if (resolved.ids().isEmpty()) {
            if (resolved.branch() == null) {
                to.clear();
            } else {
                to.removeAll(index.lineageWithDependencies(resolved.branch()));
            }
        }
        for (String id : resolved.ids()) {
            to.removeAll(index.lineageWithDependencies(id));
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
