package dev.migrate.graph;

import static dev.migrate.graph.Graphs.labeled;
import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphQueriesTest {

    @Test
    void linearChain() {
        RevisionGraph graph = Graphs.linear();

        assertThat(graph.size()).isEqualTo(4);
        assertThat(graph.heads()).containsExactly("d");
        assertThat(graph.bases()).containsExactly("a");
        assertThat(ids(graph.revisions())).containsExactly("a", "b", "c", "d");
        assertThat(graph.children("b")).containsExactly("c");
        assertThat(graph.isHead("d")).isTrue();
        assertThat(graph.isBase("a")).isTrue();
        assertThat(graph.isBranchPoint("b")).isFalse();
    }

    @Test
    void orderDoesNotDependOnInputOrder() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("c2", "c1"), rev("b2", "b1"), rev("c1", "a"),
                rev("b1", "a"), rev("a")));

        assertThat(ids(graph.revisions())).containsExactly("a", "b1", "b2", "c1", "c2");
        assertThat(graph.heads()).containsExactly("b2", "c2");
    }

    @Test
    void branchPointAndMergePoint() {
        RevisionGraph graph = Graphs.diamond();

        assertThat(graph.isBranchPoint("a")).isTrue();
        assertThat(graph.children("a")).containsExactly("b", "c");
        assertThat(graph.isMergePoint("m")).isTrue();
        assertThat(graph.isMergePoint("b")).isFalse();
        assertThat(graph.heads()).containsExactly("e");
        assertThat(ids(graph.revisions())).containsExactly("a", "b", "c", "m", "e");
    }

    @Test
    void findIsExactAndGetThrows() {
        RevisionGraph graph = Graphs.linear();

        assertThat(graph.find("c")).map(Revision::id).contains("c");
        assertThat(graph.find("zz")).isEmpty();
        assertThatThrownBy(() -> graph.get("zz"))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("No such revision or branch 'zz'; see history for the known revisions");
    }

    @Test
    void independentRootsKeepTheirLabels() {
        RevisionGraph graph = Graphs.twoRoots();

        assertThat(graph.bases()).containsExactly("a1", "x1");
        assertThat(graph.heads()).containsExactly("a3", "x2");
        assertThat(graph.branchLabelsOf("a3")).containsExactly("alpha");
        assertThat(graph.branchLabelsOf("a1")).containsExactly("alpha");
        assertThat(graph.branchLabelsOf("x2")).containsExactly("beta");
    }

    @Test
    void labelSpreadsUpAndDownItsStretchButNotPastABranchPoint() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("r"), labeled("s", "feat", "r"), rev("t", "s"),
                rev("u", "r")));

        assertThat(graph.branchLabelsOf("s")).containsExactly("feat");
        assertThat(graph.branchLabelsOf("t")).containsExactly("feat");
        assertThat(graph.branchLabelsOf("r")).isEmpty();
        assertThat(graph.branchLabelsOf("u")).isEmpty();
    }

    @Test
    void labelInTheMiddleOfAChainCoversTheWholeChain() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("p"), labeled("q", "main", "p"), rev("w", "q")));

        assertThat(graph.branchLabelsOf("p")).containsExactly("main");
        assertThat(graph.branchLabelsOf("w")).containsExactly("main");
    }

    @Test
    void mergeCarriesTheLabelsOfBothBranches() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), labeled("b", "x", "a"), labeled("c", "y", "a"),
                rev("m", "b", "c"), rev("n", "m")));

        assertThat(graph.branchLabelsOf("m")).containsExactlyInAnyOrder("x", "y");
        assertThat(graph.branchLabelsOf("n")).containsExactlyInAnyOrder("x", "y");
        assertThat(graph.branchLabelsOf("a")).isEmpty();
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
