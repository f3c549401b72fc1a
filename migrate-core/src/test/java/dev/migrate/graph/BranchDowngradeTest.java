package dev.migrate.graph;

import static dev.migrate.graph.Graphs.labeled;
import static dev.migrate.graph.Graphs.rev;
import static dev.migrate.graph.PlanTest.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Branch-relative downgrades ({@code label@-N}, {@code rev@-N}, {@code label@base}, {@code label@rev})
 * undo revisions of that branch only: never the branch point or anything another applied branch needs.
 * Where Alembic would leave the branch (it empties the database for {@code feature@-3} and
 * {@code feature@base} below), the plan fails instead; elsewhere the rows match what Alembic 1.8.1 leaves.
 */
class BranchDowngradeTest {

    /** a - b1 - b2 and a - c1 - c2, with c1 labelled feature. */
    private static RevisionGraph graph() {
        return RevisionGraph.of(List.of(rev("a"), rev("b1", "a"), rev("b2", "b1"),
                labeled("c1", "feature", "a"), rev("c2", "c1")));
    }

    @Test
    void labelMinusOneFromTwoOneRevisionBranchesUndoesOnlyThatBranch() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b1", "a"), labeled("c1", "feature", "a")));

        Plan plan = graph.downgrade(List.of("b1", "c1"), "feature@-1");

        assertThat(describe(plan)).containsExactly("c1: -[c1] +[]");
        assertThat(plan.toHeads()).containsExactly("b1");
    }

    @Test
    void labelMinusNWalksDownTheBranch() {
        assertThat(describe(graph().downgrade(List.of("b2", "c2"), "feature@-1"))).containsExactly("c2: -[c2] +[c1]");
        Plan two = graph().downgrade(List.of("b2", "c2"), "feature@-2");
        assertThat(describe(two)).containsExactly("c2: -[c2] +[c1]", "c1: -[c1] +[]");
        assertThat(two.toHeads()).containsExactly("b2");
    }

    @Test
    void revisionAtMinusNIsTheSameBranch() {
        assertThat(graph().downgrade(List.of("b2", "c2"), "c1@-1").toHeads()).containsExactlyInAnyOrder("b2", "c1");
        assertThat(graph().downgrade(List.of("b2", "c2"), "c2@-2").toHeads()).containsExactly("b2");
    }

    @Test
    void labelAtRevisionUndoesOnlyTheBranchAboveIt() {
        Plan plan = graph().downgrade(List.of("b2", "c2"), "feature@a");

        assertThat(describe(plan)).containsExactly("c2: -[c2] +[c1]", "c1: -[c1] +[]");
        assertThat(plan.toHeads()).containsExactly("b2");
    }

    @Test
    void aWalkUpNamesARevisionToGoBackTo() {
        assertThat(describe(graph().downgrade(List.of("b2", "c2"), "feature@c1+1"))).isEmpty();
        assertThat(describe(graph().downgrade(List.of("b2", "c2"), "feature@a+1"))).containsExactly("c2: -[c2] +[c1]");
    }

    @Test
    void labelAtBaseStopsAtTheBranchPoint() {
        Plan plan = graph().downgrade(List.of("b2", "c2"), "feature@base");

        assertThat(describe(plan)).containsExactly("c2: -[c2] +[c1]", "c1: -[c1] +[]");
        assertThat(plan.toHeads()).containsExactly("b2");
    }

    @Test
    void walkingBelowTheBranchPointFailsAndSaysHowManyStepsTheBranchHas() {
        assertThatThrownBy(() -> graph().downgrade(List.of("b2", "c2"), "feature@-3"))
                .isInstanceOf(RelativeRevisionException.class)
                .hasMessage("Relative revision feature@-3 didn't produce 3 migrations on branch 'feature': only 2 of its"
                        + " revisions are applied (c2, c1), and a below them is needed by another applied branch;"
                        + " use feature@base to undo the whole branch");
    }

    @Test
    void aBareMinusNKeepsToTheBranchOfTheOneCurrentRow() {
        // Alembic folds c's row into d's (d depends on c): the one row d implies the branch of c too.
        RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"),
                Graphs.dependent("d", List.of("b"), "c")));

        assertThat(graph.downgrade(List.of("d"), "-2").toHeads()).containsExactly("c");
        assertThatThrownBy(() -> graph.downgrade(List.of("d"), "-3"))
                .isInstanceOf(RelativeRevisionException.class)
                .hasMessage("Relative revision -3 didn't produce 3 migrations from d: only 2 of that branch's revisions"
                        + " are applied (d, b), and a below them is needed by another applied branch; use base to undo"
                        + " every branch");
    }

    @Test
    void aBranchWithNothingAppliedFails() {
        RevisionGraph graph = graph();
        for (String target : List.of("feature@-1", "feature@base", "c1@-1")) {
            assertThatThrownBy(() -> graph.downgrade(List.of("b2"), target))
                    .as(target)
                    .isInstanceOf(InvalidTargetException.class)
                    .hasMessageStartingWith("Branch '" + (target.startsWith("c1") ? "c1" : "feature")
                            + "' has nothing applied to the database (current: b2); nothing to downgrade");
        }
        assertThatThrownBy(() -> graph.downgrade(List.of("b2"), "feature@a"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("Branch 'feature' has nothing applied above a (current: b2); nothing to downgrade");
    }

    @Test
    void labelAtARevisionBelowTheBranchPointFails() {
        RevisionGraph graph = RevisionGraph.of(List.of(rev("z"), rev("a", "z"), rev("b1", "a"),
                labeled("c1", "feature", "a")));

        assertThatThrownBy(() -> graph.downgrade(List.of("b1", "c1"), "feature@z"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("Revision z is below where branch 'feature' leaves the revisions another applied branch"
                        + " needs (a); downgrade to z without 'feature@' to undo every branch above it");
    }

    @Test
    void whenNoOtherBranchIsAppliedTheSharedBaseIsTheBranchs() {
        // As in Alembic: with b1 and b2 not applied, nothing else needs a.
        assertThat(describe(graph().downgrade(List.of("c2"), "feature@-3")))
                .containsExactly("c2: -[c2] +[c1]", "c1: -[c1] +[a]", "a: -[a] +[]");
        assertThat(graph().downgrade(List.of("c2"), "feature@base").toHeads()).isEmpty();
        assertThat(graph().downgrade(List.of("c2"), "-3").toHeads()).isEmpty();
    }

    @Test
    void aDependentOnAnotherBranchIsUndoneWithTheRevisionItNeeds() {
        Plan plan = Graphs.crossDependency().downgrade(List.of("a2", "b2"), "alpha@-2");

        // As Alembic 1.8.1: a2's row goes (b2 still implies a1), then b2 unmerges into b1 and a1.
        assertThat(describe(plan)).containsExactly("a2: -[a2] +[]", "b2: -[b2] +[b1, a1]", "a1: -[a1] +[]");
        assertThat(plan.toHeads()).containsExactly("b1");
    }
}
