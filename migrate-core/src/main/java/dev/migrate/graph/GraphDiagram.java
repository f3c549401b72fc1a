package dev.migrate.graph;

import java.util.Locale;
import java.util.function.Function;

/**
 * The revision graph as a diagram for documentation: Graphviz {@code dot} or Mermaid, parents below their
 * children (as {@code history} lists them, newest on top), each edge from a revision to the one that revises
 * it, {@code depends_on} edges dashed. A value out: the text, nothing written.
 */
public final class GraphDiagram {

    /** The diagram languages. */
    public enum Format {
        DOT, MERMAID;

        /** {@code dot} or {@code mermaid}, any case. */
        public static Format named(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("Unknown graph format '" + name + "'; use dot or mermaid");
        }

        public String displayName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final RevisionGraph graph;

    public GraphDiagram(RevisionGraph graph) {
        this.graph = graph;
    }

    /**
     * @param message a revision's message, shown under its id with its branch labels and {@code (head)}
     */
    public String render(Format format, Function<String, String> message) {
        return format == Format.DOT ? dot(message) : mermaid(message);
    }

    private String dot(Function<String, String> message) {
        StringBuilder text = new StringBuilder("digraph revisions {\n")
                .append("    rankdir=BT;\n")
                .append("    node [shape=box];\n");
        for (Revision revision : graph.revisions()) {
            text.append("    ").append(dotId(revision.id())).append(" [label=")
                    .append(dotString(title(revision.id()) + "\n" + message.apply(revision.id()))).append("];\n");
        }
        for (Revision revision : graph.revisions()) {
            for (String parent : revision.downRevisions()) {
                text.append("    ").append(dotId(parent)).append(" -> ").append(dotId(revision.id())).append(";\n");
            }
            for (String dependency : graph.dependenciesOf(revision.id())) {
                text.append("    ").append(dotId(dependency)).append(" -> ").append(dotId(revision.id()))
                        .append(" [style=dashed];\n");
            }
        }
        return text.append("}").toString();
    }

    private String mermaid(Function<String, String> message) {
        StringBuilder text = new StringBuilder("flowchart BT\n");
        for (Revision revision : graph.revisions()) {
            text.append("    ").append(mermaidId(revision.id())).append("[\"")
                    .append(mermaidText(title(revision.id()))).append("<br/>")
                    .append(mermaidText(message.apply(revision.id()))).append("\"]\n");
        }
        for (Revision revision : graph.revisions()) {
            for (String parent : revision.downRevisions()) {
                text.append("    ").append(mermaidId(parent)).append(" --> ").append(mermaidId(revision.id())).append('\n');
            }
            for (String dependency : graph.dependenciesOf(revision.id())) {
                text.append("    ").append(mermaidId(dependency)).append(" -.-> ").append(mermaidId(revision.id()))
                        .append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    /** The id, its branch labels and whether it is a head, as the one-line history shows them. */
    private String title(String id) {
        StringBuilder title = new StringBuilder(id);
        if (!graph.branchLabelsOf(id).isEmpty()) {
            title.append(" (").append(String.join(", ", graph.branchLabelsOf(id).stream().sorted().toList())).append(')');
        }
        if (graph.isHead(id)) {
            title.append(" (head)");
        }
        return title.toString();
    }

    private static String dotId(String id) {
        return dotString(id);
    }

    private static String dotString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Revision ids may be Mermaid keywords ({@code end}) or start with digits: prefixed, they are always ids. */
    private static String mermaidId(String id) {
        return "r_" + id;
    }

    /** Mermaid's entity codes for the characters that would end or break a quoted label. */
    private static String mermaidText(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
