package dev.migrate.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The validated, indexed form of a set of revisions: edges both ways, a topological order, and the
 * walks that every query is built from. Immutable once built.
 *
 * <p>Two kinds of edge exist, as in Alembic: a revision's {@code downRevisions} (its parents, which
 * decide heads, bases and the version table) and its {@code dependsOn} (revisions that must run first
 * without being parents). "Predecessors" below means both; walks take a flag to say which they follow.
 * Every walk is iterative, so a chain of any length cannot overflow the stack, and every one visits
 * each revision and edge at most once, so building and planning stay linear in the graph's size.
 */
final class GraphIndex {

    private final Map<String, Revision> byId;
    private final NavigableSet<String> sortedIds;
    private final Map<String, List<String>> dependencies;
    private final Map<String, List<String>> predecessors;
    private final Map<String, List<String>> children;
    private final Map<String, List<String>> successors;
    private final Map<String, List<String>> versionedDown;
    private final Map<String, String> labelOwners;
    private final List<Revision> ordered;
    private final Map<String, Integer> position;
    private final List<String> heads;
    private final List<String> bases;
    private final Map<String, Set<String>> branchLabels;

    private GraphIndex(Collection<Revision> revisions) {
        byId = indexIds(revisions);
        sortedIds = Collections.unmodifiableNavigableSet(new TreeSet<>(byId.keySet()));
        labelOwners = indexLabels(revisions, byId);
        dependencies = resolveReferences(revisions, byId, labelOwners);
        predecessors = sized(byId.size());
        children = sized(byId.size());
        successors = sized(byId.size());
        indexEdges();
        ordered = topologicalOrder();
        versionedDown = normalizeDownRevisions();
        position = sized(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).id(), i);
        }
        heads = sortedIds.stream().filter(id -> children.get(id).isEmpty()).toList();
        bases = sortedIds.stream().filter(id -> byId.get(id).isBase()).toList();
        branchLabels = BranchLabels.propagate(this);
    }

    static GraphIndex build(Collection<Revision> revisions) {
        return new GraphIndex(revisions);
    }

    /**
     * The heads of {@code revisions} in id order, after the same checks as {@link #build} (ids, labels, references,
     * cycles) but without the indexes that planning and queries need: linear, and a fraction of a build's cost.
     */
    static List<String> heads(Collection<Revision> revisions) {
        Map<String, Revision> byId = indexIds(revisions);
        Map<String, List<String>> dependencies = resolveReferences(revisions, byId, indexLabels(revisions, byId));
        // Each revision numbered once, the walk below works on arrays: this runs at every start of a packaged
        // application at head.
        Revision[] numbered = byId.values().toArray(Revision[]::new);
        Map<String, Integer> number = sized(numbered.length);
        for (int i = 0; i < numbered.length; i++) {
            number.put(numbered[i].id(), i);
        }
        int[][] needs = new int[numbered.length][];
        int[] neededBy = new int[numbered.length];
        boolean[] isParent = new boolean[numbered.length];
        for (int i = 0; i < numbered.length; i++) {
            List<String> parents = numbered[i].downRevisions();
            List<String> deps = dependencies.get(numbered[i].id());
            int[] own = new int[parents.size() + deps.size()];
            for (int p = 0; p < own.length; p++) {
                own[p] = number.get(p < parents.size() ? parents.get(p) : deps.get(p - parents.size()));
                neededBy[own[p]]++;
                isParent[own[p]] |= p < parents.size();
            }
            needs[i] = own;
        }
        // Kahn's walk from the tips down: a revision is taken once every revision that needs it was taken, so
        // revisions left untaken wait on each other, which is a cycle.
        int[] free = new int[numbered.length];
        int top = 0;
        for (int i = 0; i < numbered.length; i++) {
            if (neededBy[i] == 0) {
                free[top++] = i;
            }
        }
        int taken = 0;
        while (top > 0) {
            taken++;
            for (int need : needs[free[--top]]) {
                if (--neededBy[need] == 0) {
                    free[top++] = need;
                }
            }
        }
        if (taken < numbered.length) {
            // the full build names the cycle
            return build(revisions).heads();
        }
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < numbered.length; i++) {
            if (!isParent[i]) {
                heads.add(numbered[i].id());
            }
        }
        Collections.sort(heads);
        return List.copyOf(heads);
    }

    /** A map for {@code entries} entries that never grows while filled (each map here has one entry per revision). */
    private static <K, V> Map<K, V> sized(int entries) {
        return new HashMap<>(entries + entries / 3 + 1);
    }

    // ---- building ------------------------------------------------------------------------------

    private static Map<String, Revision> indexIds(Collection<Revision> revisions) {
        Map<String, Revision> ids = sized(revisions.size());
        for (Revision revision : revisions) {
            checkId(revision.id());
            if (ids.putIfAbsent(revision.id(), revision) != null) {
                throw new DuplicateRevisionException(revision.id());
            }
            // A self-reference is the shortest cycle; catching it here gives the plainest message.
            if (revision.downRevisions().contains(revision.id()) || revision.dependsOn().contains(revision.id())) {
                throw new CycleException(List.of(revision.id()));
            }
        }
        return ids;
    }

    /** The characters Alembic forbids, because expressions such as {@code label@ae10-1} give them a meaning. */
    private static void checkId(String id) {
        for (char c : new char[] {'@', '-', '+', ':'}) {
            if (id.indexOf(c) >= 0) {
                throw new InvalidRevisionIdException("Character '" + c + "' is not allowed in revision id '" + id
                        + "'; revision ids may not contain @ - + or :");
            }
        }
        if (Expressions.isKeyword(id)) {
            throw new InvalidRevisionIdException("'" + id + "' is a reserved word and cannot be a revision id;"
                    + " choose another revision id");
        }
    }

    private static Map<String, String> indexLabels(Collection<Revision> revisions, Map<String, Revision> ids) {
        Map<String, String> owners = new HashMap<>();
        for (Revision revision : revisions) {
            if (revision.branchLabels().isEmpty()) {
                continue; // most revisions: no set to sort
            }
            for (String label : new TreeSet<>(revision.branchLabels())) {
                if (label.isBlank() || label.indexOf('@') >= 0 || label.indexOf(':') >= 0
                        || Expressions.isKeyword(label)) {
                    throw new InvalidRevisionIdException("Branch label '" + label + "' in revision " + revision.id()
                            + " is blank, a reserved word, or holds @ or :; choose another branch label");
                }
                if (ids.containsKey(label)) {
                    throw DuplicateBranchLabelException.sameAsRevision(label, revision.id());
                }
                String other = owners.putIfAbsent(label, revision.id());
                if (other != null) {
                    throw DuplicateBranchLabelException.usedTwice(label, revision.id(), other);
                }
            }
        }
        return owners;
    }

    /**
     * Checks that every parent exists, and resolves {@code dependsOn} entries to ids: Alembic lets a
     * dependency name a branch label, which stands for the revision that declares it.
     */
    private static Map<String, List<String>> resolveReferences(Collection<Revision> revisions, Map<String, Revision> byId,
                                                               Map<String, String> labelOwners) {
        Map<String, List<String>> resolved = sized(revisions.size());
        for (Revision revision : revisions) {
            for (String parent : revision.downRevisions()) {
                if (!byId.containsKey(parent)) {
                    throw new MissingRevisionException(revision.id(), parent, false);
                }
            }
            if (revision.dependsOn().isEmpty()) {
                resolved.put(revision.id(), List.of()); // most revisions: nothing to resolve, nothing to allocate
                continue;
            }
            Set<String> deps = new LinkedHashSet<>();
            for (String dependency : revision.dependsOn()) {
                String id = byId.containsKey(dependency) ? dependency : labelOwners.get(dependency);
                if (id == null) {
                    throw new MissingRevisionException(revision.id(), dependency, true);
                }
                if (id.equals(revision.id())) {
                    throw new CycleException(List.of(id));
                }
                if (!revision.downRevisions().contains(id)) {
                    deps.add(id);
                }
            }
            resolved.put(revision.id(), List.copyOf(deps));
        }
        return resolved;
    }

    private void indexEdges() {
        Map<String, List<String>> kids = sized(byId.size());
        Map<String, List<String>> dependents = sized(byId.size());
        for (String id : byId.keySet()) {
            kids.put(id, new ArrayList<>());
            dependents.put(id, new ArrayList<>());
        }
        for (Revision revision : byId.values()) {
            List<String> parents = distinct(revision.downRevisions());
            for (String parent : parents) {
                kids.get(parent).add(revision.id());
            }
            for (String dependency : dependencies.get(revision.id())) {
                dependents.get(dependency).add(revision.id());
            }
            List<String> before = new ArrayList<>(parents);
            before.addAll(dependencies.get(revision.id()));
            Collections.sort(before);
            predecessors.put(revision.id(), List.copyOf(before));
        }
        // Sorted adjacency is what makes every walk and order below deterministic.
        for (String id : byId.keySet()) {
            List<String> down = kids.get(id);
            Collections.sort(down);
            children.put(id, List.copyOf(down));
            List<String> all = new ArrayList<>(down);
            all.addAll(dependents.get(id));
            Collections.sort(all);
            successors.put(id, List.copyOf(all));
        }
    }

    /** {@code ids} without repeats, in their order; the list itself when it cannot repeat (most revisions have one parent). */
    private static List<String> distinct(List<String> ids) {
        return ids.size() < 2 ? ids : List.copyOf(new LinkedHashSet<>(ids));
    }

    private List<Revision> topologicalOrder() {
        List<String> order = order(byId.keySet(), predecessors::get, successors::get);
        if (order.size() < byId.size()) {
            Set<String> stuck = new HashSet<>(byId.keySet());
            stuck.removeAll(order);
            throw new CycleException(findCycle(stuck));
        }
        return order.stream().map(byId::get).toList();
    }

    /**
     * Every revision left over by the topological sort waits on another left-over one, so following
     * predecessors from any of them must come back to a revision already seen: that loop is the cycle.
     */
    private List<String> findCycle(Set<String> stuck) {
        List<String> path = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String current = new TreeSet<>(stuck).first();
        while (!seen.containsKey(current)) {
            seen.put(current, path.size());
            path.add(current);
            current = predecessors.get(current).stream().filter(stuck::contains).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
        // Walking predecessors lists each revision before its parent; reverse so that each one revises
        // (or depends on) the one before it, and start from the smallest id so the message is stable.
        Collections.reverse(cycle);
        Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
        return cycle;
    }

    /**
     * Alembic's {@code _normalized_down_revisions}: the parents, then the dependencies that no ancestor
     * (through parents) already depends on. They decide the version-table rows: applying a revision
     * replaces the rows of these, so a dependency's row is folded into its dependent's. Costs one walk
     * of its ancestors per revision that has dependencies (none for the others), as in Alembic.
     */
    private Map<String, List<String>> normalizeDownRevisions() {
        Map<String, List<String>> normalized = sized(byId.size());
        for (Revision revision : byId.values()) {
            List<String> down = new ArrayList<>(distinct(revision.downRevisions()));
            List<String> deps = dependencies.get(revision.id());
            if (!deps.isEmpty()) {
                Set<String> own = new LinkedHashSet<>(deps);
                for (String ancestor : ancestors(revision.downRevisions(), false)) {
                    own.removeAll(dependencies.get(ancestor));
                }
                down.addAll(own);
            }
            normalized.put(revision.id(), List.copyOf(down));
        }
        return normalized;
    }

    // ---- walks ---------------------------------------------------------------------------------

    /**
     * Orders {@code subset} so that each revision comes after those of {@code before(it)} that are in
     * the subset. Kahn's algorithm with a stack rather than a queue: a branch is followed to its end
     * before the next one starts, as Alembic lists them, and ties go to the smallest id.
     */
    static List<String> order(Collection<String> subset, Function<String, List<String>> before,
            Function<String, List<String>> after) {
        Set<String> members = subset instanceof Set<String> set ? set : new HashSet<>(subset);
        Map<String, Integer> waiting = new HashMap<>();
        List<String> ready = new ArrayList<>();
        for (String id : members) {
            int count = 0;
            for (String other : before.apply(id)) {
                if (members.contains(other)) {
                    count++;
                }
            }
            waiting.put(id, count);
            if (count == 0) {
                ready.add(id);
            }
        }
        Collections.sort(ready);
        Deque<String> stack = new ArrayDeque<>();
        pushAll(stack, ready);
        List<String> out = new ArrayList<>(members.size());
        while (!stack.isEmpty()) {
            String id = stack.pop();
            out.add(id);
            List<String> released = new ArrayList<>();
            for (String next : after.apply(id)) {
                if (members.contains(next) && waiting.merge(next, -1, Integer::sum) == 0) {
                    released.add(next);
                }
            }
            pushAll(stack, released);
        }
        return out;
    }

    /** Pushes in reverse so that the first of {@code ids} is popped first. */
    private static void pushAll(Deque<String> stack, List<String> ids) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            stack.push(ids.get(i));
        }
    }

    /** {@code subset} with parents and dependencies before the revisions that need them. */
    List<String> parentsFirst(Collection<String> subset) {
        return order(subset, predecessors::get, successors::get);
    }

    /** {@code subset} with children and dependents before the revisions they need. */
    List<String> childrenFirst(Collection<String> subset) {
        return order(subset, successors::get, predecessors::get);
    }

    /** {@code from} and everything below it, through parents and, if asked, dependencies. */
    Set<String> ancestors(Collection<String> from, boolean withDependencies) {
        return reach(from, id -> withDependencies ? predecessors.get(id) : byId.get(id).downRevisions());
    }

    /** {@code from} and everything above it, through children and, if asked, dependents. */
    Set<String> descendants(Collection<String> from, boolean withDependencies) {
        return reach(from, id -> withDependencies ? successors.get(id) : children.get(id));
    }

    private static Set<String> reach(Collection<String> from, Function<String, List<String>> next) {
        Set<String> seen = new HashSet<>(from);
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (String other : next.apply(todo.pop())) {
                if (seen.add(other)) {
                    todo.push(other);
                }
            }
        }
        return seen;
    }

    /**
     * Alembic's lineage of a revision: itself, its ancestors and its descendants, through parents only.
     * Another revision "shares lineage" with it when it is in this set.
     */
    Set<String> lineage(String id) {
        Set<String> all = ancestors(List.of(id), false);
        all.addAll(descendants(List.of(id), false));
        return all;
    }

    /**
     * Alembic's lineage through parents and dependencies ({@code _shares_lineage} with
     * {@code include_dependencies}): what a stamp to {@code id} replaces.
     */
    Set<String> lineageWithDependencies(String id) {
        Set<String> all = ancestors(List.of(id), true);
        all.addAll(descendants(List.of(id), true));
        return all;
    }

    /**
     * Alembic's {@code _get_all_current}: of everything the rows apply (through parents and
     * dependencies), the revisions no other applied revision descends from through parents. A
     * dependency folded into its dependent's row is one of them when nothing applied revises it.
     */
    List<String> tipsOfApplied(Collection<String> rows) {
        Set<String> applied = ancestors(rows, true);
        Set<String> below = new HashSet<>();
        for (String id : applied) {
            below.addAll(byId.get(id).downRevisions());
        }
        return sortedIds.stream().filter(applied::contains).filter(id -> !below.contains(id)).toList();
    }

    /**
     * The applied revisions that undoing {@code root}'s branch may touch: those of its lineage that no
     * applied revision off that lineage descends from through parents. The branch point of two applied
     * branches is not among them; a base shared with branches that are not applied is.
     */
    Set<String> appliedOnBranch(String root, Set<String> applied) {
        Set<String> lineage = lineage(root);
        List<String> elsewhere = applied.stream().filter(id -> !lineage.contains(id)).toList();
        Set<String> own = new HashSet<>(applied);
        own.retainAll(lineage);
        own.removeAll(ancestors(elsewhere, false));
        return own;
    }

    // ---- plain accessors -----------------------------------------------------------------------

    Revision revision(String id) {
        return byId.get(id);
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    int size() {
        return byId.size();
    }

    /** Ids starting with {@code prefix}, in id order. */
    List<String> idsStartingWith(String prefix) {
        return List.copyOf(sortedIds.subSet(prefix, true, prefix + Character.MAX_VALUE, true));
    }

    /** The revision that declares {@code label}, or null. */
    String labelOwner(String label) {
        return labelOwners.get(label);
    }

    List<String> dependencies(String id) {
        return dependencies.get(id);
    }

    List<String> children(String id) {
        return children.get(id);
    }

    /** Parents and the dependencies no ancestor has (Alembic's {@code _normalized_down_revisions}). */
    List<String> versionedDown(String id) {
        return versionedDown.get(id);
    }

    /** Children and dependents: more than one makes Alembic's "real" branch point. */
    List<String> successors(String id) {
        return successors.get(id);
    }

    List<Revision> ordered() {
        return ordered;
    }

    int position(String id) {
        return position.get(id);
    }

    List<String> heads() {
        return heads;
    }

    List<String> bases() {
        return bases;
    }

    Set<String> branchLabels(String id) {
        return branchLabels.get(id);
    }
}
