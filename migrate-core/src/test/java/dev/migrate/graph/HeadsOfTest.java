package dev.migrate.graph;

import static dev.migrate.graph.Graphs.dependent;
import static dev.migrate.graph.Graphs.labeled;
import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RevisionGraph#headsOf}: the heads the built graph has, after the same checks, without building it. */
class HeadsOfTest {

    @Test
    void theHeadsAreThoseOfTheBuiltGraph() {
        for (RevisionGraph graph : List.of(Graphs.linear(), Graphs.twoBranches(), Graphs.diamond(), Graphs.twoRoots(),
                Graphs.crossDependency())) {
            assertThat(RevisionGraph.headsOf(graph.revisions())).isEqualTo(graph.heads());
        }
    }

    @Test
    void aRevisionOnlyDependedOnIsStillAHead() {
        List<Revision> revisions = List.of(rev("a"), labeled("b", "side"), dependent("c", List.of("a"), "side"));
        assertThat(RevisionGraph.headsOf(revisions)).containsExactly("b", "c")
                .isEqualTo(RevisionGraph.of(revisions).heads());
    }

    @Test
    void whatTheBuildRefusesIsRefused() {
        assertThatThrownBy(() -> RevisionGraph.headsOf(List.of(rev("a"), rev("b", "a"), rev("a"))))
                .isInstanceOf(DuplicateRevisionException.class);
        assertThatThrownBy(() -> RevisionGraph.headsOf(List.of(rev("a"), rev("b", "x"))))
                .isInstanceOf(MissingRevisionException.class);
        assertThatThrownBy(() -> RevisionGraph.headsOf(List.of(rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d", "c"))))
                .isInstanceOf(CycleException.class);
        assertThatThrownBy(() -> RevisionGraph.headsOf(List.of(rev("a"), dependent("b", List.of("a"), "c"),
                dependent("c", List.of("a"), "b")))).isInstanceOf(CycleException.class);
        assertThatThrownBy(() -> RevisionGraph.headsOf(List.of(labeled("a", "x"), labeled("b", "x", "a"))))
                .isInstanceOf(DuplicateBranchLabelException.class);
        assertThatThrownBy(() -> RevisionGraph.headsOf(List.of(rev("a-1"))))
                .isInstanceOf(InvalidRevisionIdException.class);
    }
}
