package dev.migrate.graph;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The revisions of a script directory as a graph, Alembic's {@code RevisionMap}: heads, bases, branch
 * points, merge points and branch labels; the revision expressions users type; and the plans that
 * move a database from its version-table rows to a target. Knows nothing of files or databases:
 * callers pass the rows in and carry the plans out.
 *
 * <p>Immutable and safe to share. Building and every query take time linear in the graph's size.
 */
public final class RevisionGraph {

    private final GraphIndex index;
    private final Resolver resolver;
    private final Planner planner;
    private final HistoryQuery historyQuery;

    private RevisionGraph(GraphIndex index) {
        this.index = index;
        this.resolver = new Resolver(index);
        this.planner = new Planner(index, resolver);
        this.historyQuery = new HistoryQuery(index, resolver);
    }

    /**
     * Validates and indexes {@code revisions}, in any order.
     *
     * @throws DuplicateRevisionException if two revisions have one id
     * @throws MissingRevisionException if a parent or dependency names no revision
     * @throws CycleException if parents and dependencies loop
     * @throws DuplicateBranchLabelException if a label is declared twice or is also a revision id
     * @throws InvalidRevisionIdException if an id or label could not be written in an expression
     */
    public static RevisionGraph of(Collection<Revision> revisions) {
        return new RevisionGraph(GraphIndex.build(revisions));
    }

    /**
     * The heads that {@link #of} would find, with the same checks, without building the graph: for a start that only
     * needs to know whether the database is at head.
     */
    public static List<String> headsOf(Collection<Revision> revisions) {
        return GraphIndex.heads(revisions);
    }

    // ---- the graph -------------------------------------------------------------------------------

    public int size() {
        return index.size();
    }

    /** The revision with exactly this id. */
    public Optional<Revision> find(String id) {
        return Optional.ofNullable(index.revision(id));
    }

    /** The revision with exactly this id; use {@link #resolve} for prefixes and symbols. */
    public Revision get(String id) {
        Revision revision = index.revision(id);
        if (revision == null) {
            throw UnknownRevisionException.noSuch(id);
        }
        return revision;
    }

    /** Every revision, parents and dependencies before the revisions that need them; stable for a given graph. */
    public List<Revision> revisions() {
        return index.ordered();
    }

    /** Revisions that no revision names as a parent, in id order. */
    public List<String> heads() {
        return index.heads();
    }

    /** Revisions without parents, in id order. */
    public List<String> bases() {
        return index.bases();
    }

    /** Revisions that name {@code id} as a parent, in id order. */
    public List<String> children(String id) {
        return index.children(get(id).id());
    }

    public boolean isHead(String id) {
        return children(id).isEmpty();
    }

    /**
     * A head that other revisions depend on: Alembic's {@code is_head and not _is_real_head}, shown
     * as {@code (effective head)} where a head without dependents is shown as {@code (head)}.
     */
    public boolean isEffectiveHead(String id) {
        return isHead(id) && !index.successors(id).isEmpty();
    }

    /** The revisions {@code id} depends on ({@code depends_on}), labels and prefixes resolved to ids. */
    public List<String> dependenciesOf(String id) {
        return index.dependencies(get(id).id());
    }

    public boolean isBase(String id) {
        return get(id).isBase();
    }

    /** More than one revision names it as a parent. */
    public boolean isBranchPoint(String id) {
        return children(id).size() > 1;
    }

    /** It names more than one parent. */
    public boolean isMergePoint(String id) {
        return get(id).isMergePoint();
    }

    /**
     * The branch labels shown for a revision: its own, those of every ancestor (through parents), and
     * those of descendants in the same unbranched stretch, as Alembic spreads them.
     */
    public Set<String> branchLabelsOf(String id) {
        return index.branchLabels(get(id).id());
    }

    /**
     * What the database is at, as Alembic's {@code current} lists it ({@code get_all_current}): of the
     * revisions the version-table rows apply, through parents and dependencies, those that no applied
     * revision revises, in id order. A dependency whose row Alembic folded into its dependent's is
     * among them when nothing applied revises it.
     *
     * @throws UnknownRevisionException if a row names no revision
     */
    public List<String> current(Collection<String> rows) {
        return index.tipsOfApplied(resolver.current(rows));
    }

    // ---- expressions -----------------------------------------------------------------------------

    /**
     * The revision ids an expression names; empty for base. Accepts everything Alembic does:
     * {@code head}, {@code heads}, {@code base}, {@code current}, full ids, unique prefixes, branch labels,
     * {@code label@head}, {@code label@heads}, {@code label@base}, {@code label@<rev>}, and relative forms
     * {@code +N}, {@code -N} (from the database's single current head), {@code <rev>+N},
     * {@code <rev>-N}, {@code head-1}, {@code base+N}, {@code label@+N}, {@code label@-N}.
     *
     * @param currentHeads the version-table rows, used by {@code current} and symbol-less relative forms
     */
    public List<String> resolve(String expression, Collection<String> currentHeads) {
        return resolver.resolve(expression, currentHeads);
    }

    // ---- plans -----------------------------------------------------------------------------------

    /**
     * The revisions to run to reach {@code target}: everything it needs (parents and dependencies) that
     * the rows do not already reach, parents first.
     *
     * @throws InvalidTargetException if the target is below the database's current state
     */
    public Plan upgrade(Collection<String> currentHeads, String target) {
        return planner.upgrade(currentHeads, target);
    }

    /**
     * The revisions to undo to go back to {@code target}: the applied revisions that revise it and all
     * that need those, not the target itself, children first, as Alembic plans it. {@code base} undoes
     * everything; a branch-relative target ({@code label@base}, {@code label@-N}, {@code rev@-N},
     * {@code label@rev}) undoes revisions of that branch only, never what another applied branch needs.
     *
     * @throws InvalidTargetException if the target is not applied, is applied only as a dependency, or
     *         names a branch with nothing of its own applied
     * @throws RelativeRevisionException if a branch has fewer than N revisions of its own applied
     */
    public Plan downgrade(Collection<String> currentHeads, String target) {
        return planner.downgrade(currentHeads, target);
    }

    /**
     * The version-table rows after marking the database as being at {@code target} without running
     * anything: each target replaces the rows on its own lineage, other rows stay. {@code purge} starts
     * from an empty table and accepts rows no script knows.
     */
    public Plan stamp(Collection<String> currentHeads, String target, boolean purge) {
        return planner.stamp(currentHeads, target, purge);
    }

    // ---- history ---------------------------------------------------------------------------------

    /**
     * The revisions of a history range ({@code a:b}, {@code a:}, {@code :b}, {@code -3:current},
     * {@code current:}, {@code base:heads}), newest first; the whole graph when {@code range} is blank.
     */
    public List<Revision> history(String range, Collection<String> currentHeads) {
        return historyQuery.history(range, currentHeads);
    }
}
