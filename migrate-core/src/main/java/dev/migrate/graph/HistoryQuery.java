package dev.migrate.graph;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Alembic's {@code history -r lower:upper}: the revisions from the upper end down to the lower end,
 * both included, newest first. An empty lower end is {@code base}, an empty upper end {@code heads};
 * {@code current} is the database's rows. A symbol-less relative end is counted from the other end:
 * {@code -3:x} is x and the three below it, {@code x:+2} is x and the two above it.
 */
final class HistoryQuery {

    private final GraphIndex index;
    private final Resolver resolver;

    HistoryQuery(GraphIndex index, Resolver resolver) {
        this.index = index;
        this.resolver = resolver;
    }

    List<Revision> history(String range, Collection<String> currentHeads) {
        if (range == null || range.isBlank()) {
            return newestFirst(index.ancestors(index.heads(), true));
        }
        String[] ends = range.strip().split(":", -1);
        if (ends.length != 2) {
            throw new InvalidTargetException("History range '" + range
                    + "' is not valid; it requires [start]:[end], [start]: or :[end]");
        }
        String lowerText = ends[0].isBlank() ? Expressions.BASE : ends[0].strip();
        String upperText = ends[1].isBlank() ? Expressions.HEADS : ends[1].strip();
        List<String> lower;
        List<String> upper;
        if (countsUp(upperText) && !countsDown(lowerText)) {
            lower = resolver.resolve(lowerText, currentHeads);
            upper = resolver.walkFrom(lower, upperText);
        } else if (countsDown(lowerText)) {
            upper = resolver.resolve(upperText, currentHeads);
            lower = resolver.walkFrom(upper, lowerText);
        } else {
            Resolver.Target lowerEnd = resolver.target(lowerText, currentHeads);
            lower = lowerEnd.ids();
            upper = resolver.resolve(upperText, currentHeads);
            if (lowerText.contains("@") && lowerEnd.branch() != null) {
                // As in Alembic, a range starting on a named branch (alpha@base:heads) keeps to it.
                Set<String> lineage = index.lineage(lowerEnd.branch());
                upper = upper.stream().filter(lineage::contains).toList();
            }
        }
        Set<String> shown = index.ancestors(upper, true);
        for (String id : lower) {
            if (!shown.contains(id)) {
                throw new InvalidTargetException("Revision " + id + " is not an ancestor of revision "
                        + (upper.isEmpty() ? "base" : String.join(", ", upper))
                        + "; put the older revision first in the range (older:newer)");
            }
        }
        if (!lower.isEmpty()) {
            shown.retainAll(index.descendants(lower, false));
        }
        return newestFirst(shown);
    }

    private List<Revision> newestFirst(Set<String> ids) {
        return index.childrenFirst(ids).stream().map(index::revision).toList();
    }

    /** A bare {@code +N} or {@code label@+N}: counted up from the range's lower end. */
    private boolean countsUp(String text) {
        return bareRelative(text) > 0;
    }

    /** A bare {@code -N} or {@code label@-N}: counted down from the range's upper end. */
    private boolean countsDown(String text) {
        return bareRelative(text) < 0;
    }

    /** The steps of a relative end without a symbol, 0 for anything else (ids and labels come first). */
    private int bareRelative(String text) {
        if (index.contains(text) || index.labelOwner(text) != null) {
            return 0;
        }
        return Expressions.relative(text).filter(r -> r.symbol() == null).map(Expressions.Relative::steps).orElse(0);
    }
}
