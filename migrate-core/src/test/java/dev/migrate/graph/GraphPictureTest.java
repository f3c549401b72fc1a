package dev.migrate.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.migrate.graph.Graphs.dependent;
import static dev.migrate.graph.Graphs.labeled;
import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code db history --graph}'s picture, line for line, on the shapes a history takes. */
class GraphPictureTest {

    private static String ascii(RevisionGraph graph, String... current) {
        return String.join("\n", new GraphPicture(graph, GraphPicture.Style.ASCII).draw(List.of(current), id -> id));
    }

    @Test
    void aLineIsOneColumn() {
        assertThat(ascii(Graphs.linear(), "b")).isEqualTo("""
                * d
                * c
                @ b
                * a""");
    }

    @Test
    void aDiamondPartsAtTheMergeAndMeetsAtTheBranchPoint() {
        assertThat(ascii(Graphs.diamond(), "m")).isEqualTo("""
                * e
                @ m
                |\\
                * | b
                | * c
                |/
                * a""");
    }

    @Test
    void twoBranchesFromOneBase() {
        assertThat(ascii(Graphs.twoBranches(), "b2", "c1")).isEqualTo("""
                @ b2
                * b1
                | * c2
                | @ c1
                |/
                * a""");
    }

    @Test
    void twoIndependentRootsAreTwoPicturesWithALineBetween() {
        assertThat(ascii(Graphs.twoRoots())).isEqualTo("""
                * a3
                * a2
                * a1

                * x2
                * x1""");
    }

    @Test
    void aMergeOfThreeOpensALanePerParentAndTheyMeetAtTheBase() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("d", "a"),
                rev("m", "b", "c", "d")));

        assertThat(ascii(graph)).isEqualTo("""
                * m
                |\\
                | |\\
                * | | b
                | * | c
                | | * d
                |_|/
                |/
                * a""");
    }

    @Test
    void aBranchBesideAMergeKeepsItsColumn() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("d", "a"),
                rev("e", "d"), rev("m", "b", "c")));

        assertThat(ascii(graph)).isEqualTo("""
                * e
                * d
                | * m
                | |\\
                | * | b
                | | * c
                |_|/
                |/
                * a""");
    }

    @Test
    void aDependencyIsADottedLane() {
        assertThat(ascii(Graphs.crossDependency())).isEqualTo("""
                * a2
                | * b2
                | |\\
                | | :
                |.|/
                * | a1
                 /
                * b1""");
    }

    @Test
    void aLongDependencyStaysDottedUntilItsTarget() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("a1"), rev("a2", "a1"), rev("a3", "a2"),
                dependent("x1", List.of(), "a1"), rev("x2", "x1")));

        assertThat(ascii(graph)).isEqualTo("""
                * a3
                * a2
                | * x2
                | * x1
                | :
                |/
                * a1""");
    }

    @Test
    void theCallersTextCarriesLabelsAndMarkers() {
        RevisionGraph graph = RevisionGraph.of(List.of(labeled("a", "core"), rev("b", "a"), labeled("c", "extra", "a")));

        List<String> lines = new GraphPicture(graph, GraphPicture.Style.ASCII).draw(List.of("b"),
                id -> id + " (" + String.join(", ", graph.branchLabelsOf(id).stream().sorted().toList()) + ")"
                        + (graph.isHead(id) ? " (head)" : ""));

        assertThat(String.join("\n", lines)).isEqualTo("""
                @ b (core) (head)
                | * c (core, extra) (head)
                |/
                * a (core)""");
    }

    @Test
    void unicodeDrawsTheSameShapeWithBoxCharacters() {
        assertThat(String.join("\n", new GraphPicture(Graphs.crossDependency(), GraphPicture.Style.UNICODE)
                .draw(List.of("a2"), id -> id))).isEqualTo("""
                ◉ a2
                │ ● b2
                │ │╲
                │ │ ┊
                │.│╱
                ● │ a1
                 ╱
                ● b1""");
    }
}
