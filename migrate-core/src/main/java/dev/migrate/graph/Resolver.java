package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns revision expressions into revision ids, as Alembic's {@code RevisionMap.get_revisions} and
 * its relative-target parsing do. An empty result means {@code base}: before every revision.
 */
final class Resolver {

    private final GraphIndex index;

    Resolver(GraphIndex index) {
        this.index = index;
    }

    /**
     * What an expression names: revision ids (empty for base) and, when the expression stays on one
     * branch ({@code label@base}, {@code label@-2}, {@code -2} from one current head), the revision
     * whose branch it is, so that "base" can mean the base of that branch only.
     *
     * @param scope the branch a downgrade must keep to, as the user named it ({@code feature} for
     *        {@code feature@-1}, the current head for a bare {@code -1}, as Alembic does); null when the
     *        expression names revisions absolutely
     * @param walked for a relative expression walking down, the revisions its walk passed, from where
     *        it started to just before where it ended: what a downgrade by it undoes
     */
    record Target(List<String> ids, String branch, String scope, List<String> walked) {

        Target {
            ids = List.copyOf(ids);
            walked = List.copyOf(walked);
        }

        Target(List<String> ids, String branch) {
            this(ids, branch, null, List.of());
        }
    }

    List<String> resolve(String expression, Collection<String> currentHeads) {
        return target(expression, currentHeads).ids();
    }

    Target target(String expression, Collection<String> currentHeads) {
        if (expression == null || expression.isBlank()) {
            throw new UnknownRevisionException("", "No revision given; name a revision, a branch label, head or base");
        }
        String text = expression.strip();
        switch (text) {
            case Expressions.HEADS:
                return new Target(index.heads(), null);
            case Expressions.HEAD:
                return new Target(singleHead(index.heads(), text), null);
            case Expressions.BASE:
                return new Target(List.of(), null);
            case Expressions.CURRENT:
                return new Target(current(currentHeads), null);
            default:
                break;
        }
        // An exact id or label wins over the relative syntax, so a label such as "feature-2" still works.
        if (index.contains(text)) {
            return new Target(List.of(text), null);
        }
        if (index.labelOwner(text) != null) {
            return new Target(List.of(index.labelOwner(text)), null);
        }
        Optional<Expressions.Relative> relative = Expressions.relative(text);
        if (relative.isPresent()) {
            return relative(text, relative.get(), currentHeads);
        }
        int at = text.indexOf('@');
        if (at >= 0) {
            String branch = text.substring(0, at);
            String root = branchRoot(branch);
            return new Target(onBranch(branch, root, text.substring(at + 1), text), root, branch, List.of());
        }
        return new Target(List.of(identifier(text, null)), null);
    }

    /**
     * Walks a symbol-less relative expression from {@code anchor} (at most one revision; empty is base)
     * instead of from the database: how a history range reads {@code -3:x} and {@code x:+2}.
     */
    List<String> walkFrom(List<String> anchor, String expression) {
        Expressions.Relative relative = Expressions.relative(expression).orElseThrow();
        if (anchor.size() > 1) {
            throw new AmbiguousRevisionException(expression, anchor, "Relative revision " + expression
                    + " is ambiguous: it is relative to several revisions (" + String.join(", ", anchor)
                    + "); give the other end of the range as one revision");
        }
        Set<String> lineage = relative.label() == null ? null : index.lineage(branchRoot(relative.label()));
        return walk(anchor.isEmpty() ? null : anchor.get(0), relative.steps(), lineage, expression, new ArrayList<>());
    }

    /** The database's version-table rows, each checked against the scripts. */
    List<String> current(Collection<String> currentHeads) {
        List<String> rows = List.copyOf(new LinkedHashSet<>(currentHeads));
        for (String row : rows) {
            if (!index.contains(row)) {
                throw UnknownRevisionException.inDatabase(row);
            }
        }
        return rows;
    }

    /** The revision a branch name stands for: the one declaring the label, or a revision named directly. */
    String branchRoot(String branch) {
        String owner = index.labelOwner(branch);
        if (owner != null) {
            return owner;
        }
        try {
            return identifier(branch, null);
        } catch (UnknownRevisionException e) {
            throw new UnknownRevisionException(branch,
                    "No such branch: '" + branch + "'; see branches and history for the known labels");
        }
    }

    private List<String> singleHead(List<String> heads, String expression) {
        if (heads.size() > 1) {
            throw new MultipleHeadsException(expression, heads);
        }
        return heads;
    }

    private List<String> onBranch(String branch, String root, String rest, String expression) {
        Set<String> lineage = index.lineage(root);
        switch (rest) {
            case Expressions.HEADS:
                return index.heads().stream().filter(lineage::contains).toList();
            case Expressions.HEAD:
                return singleHead(index.heads().stream().filter(lineage::contains).toList(), expression);
            case Expressions.BASE:
                return List.of();
            default:
                String id = identifier(rest, lineage);
                if (!lineage.contains(id)) {
                    throw new UnknownRevisionException(rest, "Revision " + id + " is not a member of branch '"
                            + branch + "'; see history to find the revisions of that branch");
                }
                return List.of(id);
        }
    }

    /**
     * A full id or a unique prefix of one. Within a branch ({@code lineage} not null) a prefix only has
     * to be unique on that branch, as in Alembic.
     */
    private String identifier(String text, Set<String> lineage) {
        if (index.contains(text)) {
            return text;
        }
        List<String> candidates = index.idsStartingWith(text);
        if (lineage != null && candidates.size() > 1) {
            candidates = candidates.stream().filter(lineage::contains).toList();
        }
        if (candidates.isEmpty()) {
            throw UnknownRevisionException.noSuch(text);
        }
        if (candidates.size() > 1) {
            throw new AmbiguousRevisionException(text, candidates, "Multiple revisions start with '" + text + "': "
                    + listed(candidates) + "; give more characters of the revision id");
        }
        return candidates.get(0);
    }

    private static String listed(List<String> ids) {
        int shown = Math.min(ids.size(), 10);
        String list = String.join(", ", ids.subList(0, shown));
        return shown < ids.size() ? list + " and " + (ids.size() - shown) + " more" : list;
    }

    // ---- relative expressions --------------------------------------------------------------------

    private Target relative(String expression, Expressions.Relative relative, Collection<String> currentHeads) {
        String root = relative.label() == null ? null : branchRoot(relative.label());
        Set<String> lineage = root == null ? null : index.lineage(root);
        String start;
        if (relative.symbol() == null) {
            start = currentStart(expression, relative, root, currentHeads);
        } else if (Expressions.BASE.equals(relative.symbol())) {
            start = null;
        } else {
            String anchor = root == null ? relative.symbol() : relative.label() + "@" + relative.symbol();
            List<String> resolved = target(anchor, currentHeads).ids();
            if (resolved.size() > 1) {
                throw new MultipleHeadsException(anchor, resolved);
            }
            start = resolved.isEmpty() ? null : resolved.get(0);
        }
        List<String> walked = new ArrayList<>();
        List<String> end = walk(start, relative.steps(), lineage, expression, walked);
        // A label confines the walk to its branch; so does a bare -N, which Alembic takes as relative to
        // the branch of the one current head. A symbol (ae10-1) names a revision absolutely, as in Alembic.
        // Only a walk down says what a downgrade undoes; one up (label@rev+1) just names its end.
        String scope = relative.label() != null ? relative.label() : relative.symbol() == null ? start : null;
        return new Target(end, root != null ? root : start, scope, relative.steps() < 0 ? walked : List.of());
    }

    /**
     * Where a walk without a symbol starts: the database's single current head (on the label's branch
     * when a label is given). From an empty database, or a branch not yet applied, an upward walk starts
     * below the bases.
     */
    private String currentStart(String expression, Expressions.Relative relative, String root,
            Collection<String> currentHeads) {
        List<String> rows = current(currentHeads);
        List<String> starts = rows;
        Set<String> lineage = root == null ? null : index.lineage(root);
        if (lineage != null && relative.steps() < 0) {
            // Going down a branch starts from the tips of what is applied on it and no other applied
            // branch needs; a shared branch point is not the branch's to undo.
            starts = tips(index.appliedOnBranch(root, index.ancestors(rows, true)));
            if (starts.isEmpty()) {
                throw InvalidTargetException.nothingOnBranch(relative.label(), rows);
            }
        } else if (lineage != null) {
            starts = rows.stream().filter(lineage::contains).toList();
            if (starts.isEmpty()) {
                // The branch's head may be implied rather than a row (a dependency of another head):
                // take the tips of what is applied on the branch.
                Set<String> applied = index.ancestors(rows, true);
                applied.retainAll(lineage);
                starts = tips(applied);
            }
        }
        if (starts.size() > 1) {
            throw new AmbiguousRevisionException(expression, starts, "Relative revision " + expression
                    + " is ambiguous: the database has several heads (" + String.join(", ", starts)
                    + "); use a branch label (label@" + stepsText(relative.steps()) + ") or an explicit revision id");
        }
        if (starts.isEmpty()) {
            if (relative.steps() < 0) {
                throw new RelativeRevisionException(expression, "Relative revision " + expression + " didn't produce "
                        + -relative.steps() + " migrations; the database is at base");
            }
            return null;
        }
        return starts.get(0);
    }

    /** Members of {@code revisions} that none of the others revises. */
    private List<String> tips(Set<String> revisions) {
        Set<String> tips = new LinkedHashSet<>(index.parentsFirst(revisions));
        for (String id : revisions) {
            index.revision(id).downRevisions().forEach(tips::remove);
        }
        return List.copyOf(tips);
    }

    /**
     * Walks {@code steps} revisions up (through children) or down (through parents) from {@code start};
     * null stands for base, below every base revision. Going up inside a branch only children on its
     * lineage count. A walk down whose last step leaves a merge point lands on all of its parents, so
     * that {@code downgrade -1} from a merge undoes just the merge.
     */
    private List<String> walk(String start, int steps, Set<String> lineage, String expression, List<String> walked) {
        String at = start;
        for (int step = 0; step < Math.abs(steps); step++) {
            if (at != null) {
                walked.add(at);
            }
            List<String> next;
            if (steps > 0) {
                next = at == null ? index.bases() : index.children(at);
                if (lineage != null) {
                    next = next.stream().filter(lineage::contains).toList();
                }
            } else {
                if (at == null) {
                    throw didNotProduce(expression, steps, start, step);
                }
                next = index.revision(at).downRevisions();
                if (next.isEmpty()) {
                    at = null;
                    continue;
                }
            }
            if (next.isEmpty()) {
                throw didNotProduce(expression, steps, start, step);
            }
            if (next.size() > 1) {
                if (steps < 0 && step == -steps - 1) {
                    return List.copyOf(next);
                }
                throw forked(expression, steps, at, next);
            }
            at = next.get(0);
        }
        return at == null ? List.of() : List.of(at);
    }

    private static RelativeRevisionException didNotProduce(String expression, int steps, String start, int walked) {
        String end = steps > 0 ? "a head" : "base";
        String from = start == null ? "base" : start;
        return new RelativeRevisionException(expression, "Relative revision " + expression + " didn't produce "
                + Math.abs(steps) + " migrations; from " + from + " only " + walked + " step(s) lead to " + end);
    }

    private AmbiguousRevisionException forked(String expression, int steps, String at, List<String> next) {
        String fork;
        if (at == null) {
            fork = "the graph has several bases (" + String.join(", ", next) + ")";
        } else if (steps > 0) {
            fork = "revision " + at + " is a branch point with children " + String.join(", ", next);
        } else {
            fork = "revision " + at + " is a merge point of " + String.join(", ", next);
        }
        String advice = steps > 0
                ? "use a branch label (label@" + stepsText(steps) + ") or an explicit revision id"
                : "use an explicit revision id";
        return new AmbiguousRevisionException(expression, next,
                "Relative revision " + expression + " is ambiguous: " + fork + "; " + advice);
    }

    private static String stepsText(int steps) {
        return steps < 0 ? Integer.toString(steps) : "+" + steps;
    }
}
