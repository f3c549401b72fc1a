package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The revision graph drawn as text, as {@code git log --graph} draws commits: newest first, one column
 * ("lane") per line of descent, {@code |\} where a merge point's parents part, {@code |/} where the
 * children of a branch point meet again, {@code :} for the lane of a {@code depends_on} edge, {@code @} for
 * a revision the database is at ({@code *} for the others). Each revision's line carries the text the
 * caller gives (Alembic's one-line form). A value out: the lines, nothing printed.
 *
 * <p>One line per lane change keeps every lane's path readable whatever the shape: a merge of n revisions
 * opens n-1 lanes, one per line; lanes right of a change slant to their new column on the same line.
 */
public final class GraphPicture {

    /** The characters of a picture: plain ASCII for any terminal or file, or Unicode box drawing. */
    public enum Style {
        ASCII('|', ':', '/', '\\', '*', '@'),
        UNICODE('│', '┊', '╱', '╲', '●', '◉');

        private final char line;
        private final char dotted;
        private final char up;
        private final char down;
        private final char node;
        private final char currentNode;

        Style(char line, char dotted, char up, char down, char node, char currentNode) {
            this.line = line;
            this.dotted = dotted;
            this.up = up;
            this.down = down;
            this.node = node;
            this.currentNode = currentNode;
        }
    }

    /** A column of the picture, waiting for {@code target} to be drawn; dotted when it is a dependency edge. */
    private record Lane(String target, boolean dependency) {
    }

    private final RevisionGraph graph;
    private final Style style;

    public GraphPicture(RevisionGraph graph, Style style) {
        this.graph = graph;
        this.style = style;
    }

    /**
     * The whole graph, newest first in {@code history}'s order.
     *
     * @param current the revisions the database is at (marked), empty when not known
     * @param text    a revision's text, written after its node
     */
    public List<String> draw(Collection<String> current, Function<String, String> text) {
        Set<String> marked = Set.copyOf(current);
        List<Lane> lanes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Revision> newestFirst = graph.history(null, List.of());
        for (int r = 0; r < newestFirst.size(); r++) {
            Revision revision = newestFirst.get(r);
            String id = revision.id();
            List<Integer> waiting = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i).target().equals(id)) {
                    waiting.add(i);
                }
            }
            if (waiting.isEmpty()) {
                lanes.add(new Lane(id, false));
                waiting.add(lanes.size() - 1);
            }
            int column = waiting.get(0);
            // The children of a branch point each kept a lane down to it: join them, rightmost first.
            for (int k = waiting.size() - 1; k >= 1; k--) {
                int from = waiting.get(k);
                lines.add(joining(lanes, column, from));
                lanes.remove(from);
            }
            lines.add(node(lanes, column, marked.contains(id)) + " " + text.apply(id));
            List<Lane> below = lanesBelow(revision);
            if (below.isEmpty()) {
                // Always a line after a base, unless it is the last: the next revision drawn in its column
                // would otherwise look like its parent (two roots are two pictures).
                if (r < newestFirst.size() - 1) {
                    lines.add(closing(lanes, column));
                }
                lanes.remove(column);
            } else {
                lanes.set(column, below.get(0));
                for (int k = 1; k < below.size(); k++) {
                    lines.add(opening(lanes, column + k - 1, below.get(k)));
                    lanes.add(column + k, below.get(k));
                }
                // A dependency's lane shows its dots at least once, even when it joins its target at once.
                if (below.stream().anyMatch(Lane::dependency)) {
                    lines.add(verticals(lanes));
                }
            }
        }
        return lines;
    }

    /** The parents, then the revisions it depends on, each once. */
    private List<Lane> lanesBelow(Revision revision) {
        List<Lane> below = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String parent : revision.downRevisions()) {
            if (!seen.contains(parent)) {
                seen.add(parent);
                below.add(new Lane(parent, false));
            }
        }
        for (String dependency : graph.dependenciesOf(revision.id())) {
            if (!seen.contains(dependency)) {
                seen.add(dependency);
                below.add(new Lane(dependency, true));
            }
        }
        return below;
    }

    private String node(List<Lane> lanes, int column, boolean current) {
        char[] row = blank(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            row[2 * i] = i == column ? (current ? style.currentNode : style.node) : vertical(lanes.get(i));
        }
        return trimmed(row);
    }

    /** Lane {@code from} joins lane {@code column} to its left; the lanes right of it move one column left. */
    private String joining(List<Lane> lanes, int column, int from) {
        char[] row = blank(lanes.size());
        for (int i = 0; i < from; i++) {
            row[2 * i] = vertical(lanes.get(i));
        }
        for (int i = column; i < from - 1; i++) {
            row[2 * i + 1] = lanes.get(from).dependency() ? '.' : '_';
        }
        row[2 * from - 1] = style.up;
        for (int i = from + 1; i < lanes.size(); i++) {
            row[2 * i - 1] = style.up;
        }
        return trimmed(row);
    }

    private String verticals(List<Lane> lanes) {
        char[] row = blank(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            row[2 * i] = vertical(lanes.get(i));
        }
        return trimmed(row);
    }

    /** A base's lane ends; the lanes right of it move one column left. */
    private String closing(List<Lane> lanes, int column) {
        char[] row = blank(lanes.size());
        for (int i = 0; i < column; i++) {
            row[2 * i] = vertical(lanes.get(i));
        }
        for (int i = column + 1; i < lanes.size(); i++) {
            row[2 * i - 1] = style.up;
        }
        return trimmed(row);
    }

    /** A new lane leaves lane {@code from} to its right; the lanes right of it move one column right. */
    private String opening(List<Lane> lanes, int from, Lane opened) {
        char[] row = blank(lanes.size() + 1);
        for (int i = 0; i <= from; i++) {
            row[2 * i] = vertical(lanes.get(i));
        }
        row[2 * from + 1] = style.down;
        for (int i = from + 1; i < lanes.size(); i++) {
            row[2 * i + 1] = style.down;
        }
        return trimmed(row);
    }

    private char vertical(Lane lane) {
        return lane.dependency() ? style.dotted : style.line;
    }

    private static char[] blank(int lanes) {
        char[] row = new char[Math.max(1, 2 * lanes)];
        java.util.Arrays.fill(row, ' ');
        return row;
    }

    private static String trimmed(char[] row) {
        return new String(row).stripTrailing();
    }
}
