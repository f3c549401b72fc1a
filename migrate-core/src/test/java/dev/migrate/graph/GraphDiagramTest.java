package dev.migrate.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.graph.Graphs.dependent;
import static dev.migrate.graph.Graphs.labeled;
import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code db graph --format dot|mermaid}: the whole graph, in the graph's order (parents and dependencies first),
 * edges from parent to child, dependencies dashed. */
class GraphDiagramTest {

    private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(labeled("a", "core"), rev("b", "a"),
            rev("c", "a"), rev("m", "b", "c"), dependent("x", List.of(), "b")));

    @Test
    void mermaid() {
        assertThat(new GraphDiagram(GRAPH).render(GraphDiagram.Format.MERMAID, id -> "add \"" + id + "\" <table>"))
                .isEqualTo("""
                        flowchart BT
                            r_a["a (core)<br/>add #quot;a#quot; #lt;table#gt;"]
                            r_b["b (core)<br/>add #quot;b#quot; #lt;table#gt;"]
                            r_x["x (head)<br/>add #quot;x#quot; #lt;table#gt;"]
                            r_c["c (core)<br/>add #quot;c#quot; #lt;table#gt;"]
                            r_m["m (core) (head)<br/>add #quot;m#quot; #lt;table#gt;"]
                            r_a --> r_b
                            r_b -.-> r_x
                            r_a --> r_c
                            r_b --> r_m
                            r_c --> r_m""");
    }

    @Test
    void dot() {
        assertThat(new GraphDiagram(GRAPH).render(GraphDiagram.Format.DOT, id -> "say \"" + id + "\""))
                .isEqualTo("""
                        digraph revisions {
                            rankdir=BT;
                            node [shape=box];
                            "a" [label="a (core)\\nsay \\"a\\""];
                            "b" [label="b (core)\\nsay \\"b\\""];
                            "x" [label="x (head)\\nsay \\"x\\""];
                            "c" [label="c (core)\\nsay \\"c\\""];
                            "m" [label="m (core) (head)\\nsay \\"m\\""];
                            "a" -> "b";
                            "b" -> "x" [style=dashed];
                            "a" -> "c";
                            "b" -> "m";
                            "c" -> "m";
                        }""");
    }

    @Test
    void formatsByName() {
        assertThat(GraphDiagram.Format.named("Mermaid")).isEqualTo(GraphDiagram.Format.MERMAID);
        assertThatThrownBy(() -> GraphDiagram.Format.named("svg"))
                .hasMessage("Unknown graph format 'svg'; use dot or mermaid");
    }
}
