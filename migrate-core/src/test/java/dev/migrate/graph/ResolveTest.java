package dev.migrate.graph;

import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResolveTest {

    private final RevisionGraph linear = Graphs.linear();
    private final RevisionGraph branches = Graphs.twoBranches();
    private final RevisionGraph diamond = Graphs.diamond();
    private final RevisionGraph roots = Graphs.twoRoots();

    @Test
    void symbols() {
        assertThat(linear.resolve("head", List.of())).containsExactly("d");
        assertThat(linear.resolve("heads", List.of())).containsExactly("d");
        assertThat(linear.resolve("base", List.of())).isEmpty();
        assertThat(linear.resolve("current", List.of("b"))).containsExactly("b");
        assertThat(linear.resolve("current", List.of())).isEmpty();
        assertThat(branches.resolve("heads", List.of())).containsExactly("b2", "c2");
    }

    @Test
    void headWithSeveralHeadsTellsWhatToDo() {
        assertThatThrownBy(() -> branches.resolve("head", List.of()))
                .isInstanceOfSatisfying(MultipleHeadsException.class,
                        e -> assertThat(e.heads()).containsExactly("b2", "c2"))
                .hasMessage("Multiple heads are present for 'head': b2, c2; use 'heads' to apply all of them,"
                        + " a 'label@head' to pick one branch, or merge them");
        // Alembic accepts heads-1 only where it means the same as head-1: with a single head.
        assertThatThrownBy(() -> branches.resolve("heads-1", List.of())).isInstanceOf(MultipleHeadsException.class);
    }

    @Test
    void fullIdsAndUniquePrefixes() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("1975ea83b712"), rev("ae1027a6acf", "1975ea83b712"),
                rev("ae10aa0c3d21", "1975ea83b712")));

        assertThat(graph.resolve("1975ea83b712", List.of())).containsExactly("1975ea83b712");
        assertThat(graph.resolve("19", List.of())).containsExactly("1975ea83b712");
        assertThat(graph.resolve("ae102", List.of())).containsExactly("ae1027a6acf");
        assertThatThrownBy(() -> graph.resolve("ae10", List.of()))
                .isInstanceOfSatisfying(AmbiguousRevisionException.class,
                        e -> assertThat(e.candidates()).containsExactly("ae1027a6acf", "ae10aa0c3d21"))
                .hasMessage("Multiple revisions start with 'ae10': ae1027a6acf, ae10aa0c3d21;"
                        + " give more characters of the revision id");
        assertThatThrownBy(() -> graph.resolve("ff", List.of()))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("No such revision or branch 'ff'; see history for the known revisions");
    }

    @Test
    void branchLabels() {
        assertThat(roots.resolve("alpha", List.of())).containsExactly("a1");
        assertThat(roots.resolve("alpha@head", List.of())).containsExactly("a3");
        assertThat(roots.resolve("beta@heads", List.of())).containsExactly("x2");
        assertThat(roots.resolve("beta@base", List.of())).isEmpty();
        assertThat(roots.resolve("alpha@a2", List.of())).containsExactly("a2");
        assertThat(roots.resolve("x1@head", List.of())).containsExactly("x2");
    }

    @Test
    void labelErrors() {
        assertThatThrownBy(() -> roots.resolve("alpha@x1", List.of()))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("Revision x1 is not a member of branch 'alpha'; see history to find the revisions of that branch");
        assertThatThrownBy(() -> roots.resolve("gamma@head", List.of()))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("No such branch: 'gamma'; see branches and history for the known labels");
    }

    @Test
    void labelAtHeadWithSeveralHeadsOnTheBranch() {
        assertThatThrownBy(() -> branches.resolve("a@head", List.of()))
                .isInstanceOfSatisfying(MultipleHeadsException.class,
                        e -> assertThat(e.expression()).isEqualTo("a@head"));
    }

    @Test
    void relativeToTheCurrentHead() {
        assertThat(linear.resolve("+1", List.of("b"))).containsExactly("c");
        assertThat(linear.resolve("+2", List.of("b"))).containsExactly("d");
        assertThat(linear.resolve("-1", List.of("c"))).containsExactly("b");
        assertThat(linear.resolve("-3", List.of("c"))).isEmpty();
    }

    @Test
    void fromAnEmptyDatabasePlusWalksUpFromBase() {
        assertThat(linear.resolve("+1", List.of())).containsExactly("a");
        assertThat(linear.resolve("+3", List.of())).containsExactly("c");
    }

    @Test
    void relativeToARevision() {
        assertThat(linear.resolve("b+2", List.of())).containsExactly("d");
        assertThat(linear.resolve("d-2", List.of())).containsExactly("b");
        assertThat(linear.resolve("head-1", List.of())).containsExactly("c");
        assertThat(linear.resolve("heads-1", List.of())).containsExactly("c");
        assertThat(linear.resolve("base+2", List.of())).containsExactly("b");
    }

    @Test
    void relativeOnABranch() {
        assertThat(roots.resolve("alpha@+1", List.of())).containsExactly("a1");
        assertThat(roots.resolve("beta@+2", List.of("a3"))).containsExactly("x2");
        assertThat(roots.resolve("alpha@-1", List.of("a3", "x2"))).containsExactly("a2");
        assertThat(roots.resolve("alpha@a3-2", List.of())).containsExactly("a1");
        assertThat(roots.resolve("beta@x1+1", List.of())).containsExactly("x2");
    }

    @Test
    void relativeOnABranchWhoseHeadIsOnlyImpliedByADependency() {
        // b2 depends on a1, and a database written by Alembic keeps only b2's row.
        assertThat(Graphs.crossDependency().resolve("alpha@+1", List.of("b2"))).containsExactly("a2");
        assertThat(Graphs.crossDependency().upgrade(List.of("b2"), "alpha@+1").steps())
                .extracting(s -> s.revision().id()).containsExactly("a2");
    }

    @Test
    void walkingOffTheEnd() {
        assertThatThrownBy(() -> linear.resolve("-5", List.of("c")))
                .isInstanceOf(RelativeRevisionException.class)
                .hasMessage("Relative revision -5 didn't produce 5 migrations; from c only 3 step(s) lead to base");
        assertThatThrownBy(() -> linear.resolve("+5", List.of("b")))
                .isInstanceOf(RelativeRevisionException.class)
                .hasMessage("Relative revision +5 didn't produce 5 migrations; from b only 2 step(s) lead to a head");
        assertThatThrownBy(() -> linear.resolve("-1", List.of()))
                .isInstanceOf(RelativeRevisionException.class)
                .hasMessage("Relative revision -1 didn't produce 1 migrations; the database is at base");
        assertThatThrownBy(() -> linear.resolve("head+1", List.of()))
                .isInstanceOf(RelativeRevisionException.class);
    }

    @Test
    void walkingIntoAForkIsAmbiguous() {
        assertThatThrownBy(() -> branches.resolve("+2", List.of("a")))
                .isInstanceOfSatisfying(AmbiguousRevisionException.class,
                        e -> assertThat(e.candidates()).containsExactly("b1", "c1"))
                .hasMessage("Relative revision +2 is ambiguous: revision a is a branch point with children b1, c1;"
                        + " use a branch label (label@+2) or an explicit revision id");
        assertThatThrownBy(() -> diamond.resolve("e-3", List.of()))
                .isInstanceOf(AmbiguousRevisionException.class)
                .hasMessage("Relative revision e-3 is ambiguous: revision m is a merge point of b, c;"
                        + " use an explicit revision id");
        // The last step down from a merge point lands on all its parents: downgrade -1 undoes just the merge.
        assertThat(diamond.resolve("e-2", List.of())).containsExactly("b", "c");
        assertThatThrownBy(() -> roots.resolve("+1", List.of()))
                .isInstanceOf(AmbiguousRevisionException.class)
                .hasMessageContaining("the graph has several bases (a1, x1)");
    }

    @Test
    void relativeFromSeveralCurrentHeadsIsAmbiguous() {
        assertThatThrownBy(() -> branches.resolve("-1", List.of("b2", "c2")))
                .isInstanceOf(AmbiguousRevisionException.class)
                .hasMessage("Relative revision -1 is ambiguous: the database has several heads (b2, c2);"
                        + " use a branch label (label@-1) or an explicit revision id");
    }

    @Test
    void labelThatLooksRelativeIsStillALabel() {
        RevisionGraph graph = RevisionGraph.of(List.of(Graphs.labeled("a", "feature-2")));

        assertThat(graph.resolve("feature-2", List.of())).containsExactly("a");
    }

    @Test
    void unknownCurrentRevision() {
        assertThatThrownBy(() -> linear.resolve("current", List.of("zzz")))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("The database is at revision 'zzz', which no script knows;"
                        + " restore its script, or use stamp --purge to set the version table");
    }
}
