package dev.migrate.graph;

import static dev.migrate.graph.Graphs.dependent;
import static dev.migrate.graph.Graphs.labeled;
import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphValidationTest {

    @Test
    void duplicateIdIsRejected() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("a"))))
                .isInstanceOf(DuplicateRevisionException.class)
                .hasMessage("Revision 'a' is present more than once; give one of the scripts a new revision id");
    }

    @Test
    void missingParentNamesBothRevisions() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "x"))))
                .isInstanceOfSatisfying(MissingRevisionException.class, e -> {
                    assertThat(e.referrer()).isEqualTo("b");
                    assertThat(e.missing()).isEqualTo("x");
                })
                .hasMessage("Revision 'x' referenced in 'Revises' of revision 'b' is not present;"
                        + " restore its script or correct the reference");
    }

    @Test
    void missingDependencyNamesBothRevisions() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), dependent("b", List.of("a"), "zz"))))
                .isInstanceOfSatisfying(MissingRevisionException.class, e -> {
                    assertThat(e.referrer()).isEqualTo("b");
                    assertThat(e.missing()).isEqualTo("zz");
                })
                .hasMessageContaining("referenced in 'Depends On' of revision 'b'");
    }

    @Test
    void cycleNamesTheRevisionsOnItInOrder() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("root"), rev("c", "b"), rev("a", "c"),
                rev("b", "a"), rev("later", "c"))))
                .isInstanceOfSatisfying(CycleException.class,
                        e -> assertThat(e.revisions()).containsExactly("a", "b", "c"))
                .hasMessage("Cycle is detected in revisions (a -> b -> c -> a);"
                        + " correct 'Revises' or 'Depends On' in one of these scripts to break it");
    }

    @Test
    void cycleWithoutAnyBaseIsFound() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("x", "y"), rev("y", "x"))))
                .isInstanceOfSatisfying(CycleException.class,
                        e -> assertThat(e.revisions()).containsExactly("x", "y"));
    }

    @Test
    void selfLoopIsACycle() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a", "a"))))
                .isInstanceOfSatisfying(CycleException.class, e -> assertThat(e.revisions()).containsExactly("a"));
    }

    @Test
    void cycleThroughADependencyIsFound() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(dependent("a1", List.of(), "a2"), rev("a2", "a1"))))
                .isInstanceOfSatisfying(CycleException.class,
                        e -> assertThat(e.revisions()).containsExactly("a1", "a2"));
    }

    @Test
    void branchLabelUsedTwiceIsRejected() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(labeled("a", "x"), labeled("b", "x", "a"))))
                .isInstanceOfSatisfying(DuplicateBranchLabelException.class, e -> assertThat(e.label()).isEqualTo("x"))
                .hasMessage("Branch name 'x' in revision b already used by revision a; choose another branch label");
    }

    @Test
    void branchLabelEqualToARevisionIdIsRejected() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), labeled("b", "a", "a"))))
                .isInstanceOf(DuplicateBranchLabelException.class)
                .hasMessage("Branch name 'a' in revision b is also a revision id; choose another branch label");
    }

    @Test
    void idsWithExpressionCharactersAreRejected() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a-1"))))
                .isInstanceOf(InvalidRevisionIdException.class)
                .hasMessage("Character '-' is not allowed in revision id 'a-1'; revision ids may not contain @ - + or :");
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("head"))))
                .isInstanceOf(InvalidRevisionIdException.class);
        assertThatThrownBy(() -> RevisionGraph.of(List.of(new Revision("a", List.of(), Set.of("x@y"), List.of()))))
                .isInstanceOf(InvalidRevisionIdException.class);
    }

    @Test
    void everyErrorIsAGraphException() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("a")))).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a", "a")))).isInstanceOf(GraphException.class);
    }

    @Test
    void dependencyMayNameABranchLabel() {
        RevisionGraph graph = RevisionGraph.of(List.of(labeled("a1", "alpha"), rev("b1"),
                dependent("b2", List.of("b1"), "alpha")));

        assertThat(graph.upgrade(List.of(), "b2").steps()).extracting(s -> s.revision().id())
                .containsExactly("a1", "b1", "b2");
    }

    @Test
    void emptyGraphHasNothing() {
        RevisionGraph graph = RevisionGraph.of(List.of());

        assertThat(graph.size()).isZero();
        assertThat(graph.heads()).isEmpty();
        assertThat(graph.resolve("head", List.of())).isEmpty();
        assertThat(graph.upgrade(List.of(), "head").isEmpty()).isTrue();
    }
}
