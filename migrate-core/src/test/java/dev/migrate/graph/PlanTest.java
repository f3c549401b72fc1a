package dev.migrate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Upgrade and downgrade plans, with the version-table rows each step deletes and inserts. */
class PlanTest {

    @Test
    void upgradeLinearFromEmpty() {
        Plan plan = Graphs.linear().upgrade(List.of(), "head");

        assertThat(plan.direction()).isEqualTo(Direction.UPGRADE);
        assertThat(describe(plan)).containsExactly("a: -[] +[a]", "b: -[a] +[b]", "c: -[b] +[c]", "d: -[c] +[d]");
        assertThat(plan.fromHeads()).isEmpty();
        assertThat(plan.toHeads()).containsExactly("d");
    }

    @Test
    void upgradeRelative() {
        assertThat(describe(Graphs.linear().upgrade(List.of("a"), "+2"))).containsExactly("b: -[a] +[b]", "c: -[b] +[c]");
    }

    @Test
    void upgradeAtTargetIsEmpty() {
        Plan plan = Graphs.linear().upgrade(List.of("d"), "head");

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.toHeads()).containsExactly("d");
    }

    @Test
    void upgradeToAnAncestorTellsToDowngrade() {
        assertThatThrownBy(() -> Graphs.linear().upgrade(List.of("d"), "b"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("Revision b is below the database's current revision(s) d; use downgrade to go back to it");
        assertThatThrownBy(() -> Graphs.linear().upgrade(List.of("d"), "-1"))
                .isInstanceOf(InvalidTargetException.class);
    }

    @Test
    void databaseAtAnUnknownRevision() {
        assertThatThrownBy(() -> Graphs.linear().upgrade(List.of("0badc0ffee00"), "head"))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("The database is at revision '0badc0ffee00', which no script knows;"
                        + " restore its script, or use stamp --purge to set the version table");
        assertThatThrownBy(() -> Graphs.linear().downgrade(List.of("0badc0ffee00"), "base"))
                .isInstanceOf(UnknownRevisionException.class);
    }

    @Test
    void upgradeHeadWithTwoHeadsFailsAndHeadsAppliesBoth() {
        RevisionGraph graph = Graphs.twoBranches();

        assertThatThrownBy(() -> graph.upgrade(List.of(), "head")).isInstanceOf(MultipleHeadsException.class);
        Plan plan = graph.upgrade(List.of(), "heads");
        assertThat(describe(plan)).containsExactly(
                "a: -[] +[a]", "b1: -[a] +[b1]", "b2: -[b1] +[b2]", "c1: -[] +[c1]", "c2: -[c1] +[c2]");
        assertThat(plan.toHeads()).containsExactly("b2", "c2");
    }

    @Test
    void upgradeOneBranchLeavesTheOther() {
        Plan plan = Graphs.twoBranches().upgrade(List.of("b2", "c1"), "c2");

        assertThat(describe(plan)).containsExactly("c2: -[c1] +[c2]");
        assertThat(plan.toHeads()).containsExactly("b2", "c2");
    }

    @Test
    void upgradeAcrossAMergeReplacesBothParentRows() {
        Plan plan = Graphs.diamond().upgrade(List.of("b", "c"), "head");

        assertThat(describe(plan)).containsExactly("m: -[b, c] +[m]", "e: -[m] +[e]");
        assertThat(plan.steps().get(0).arrow()).isEqualTo("b, c -> m");
    }

    @Test
    void upgradeThroughADiamondFromEmpty() {
        assertThat(describe(Graphs.diamond().upgrade(List.of(), "head"))).containsExactly(
                "a: -[] +[a]", "b: -[a] +[b]", "c: -[] +[c]", "m: -[b, c] +[m]", "e: -[m] +[e]");
    }

    @Test
    void upgradeIntoAMergeFromOneParentRunsTheOtherBranchFirst() {
        Plan plan = Graphs.diamond().upgrade(List.of("b"), "m");

        assertThat(describe(plan)).containsExactly("c: -[] +[c]", "m: -[b, c] +[m]");
        assertThat(plan.toHeads()).containsExactly("m");
    }

    @Test
    void downgradeLinear() {
        Plan plan = Graphs.linear().downgrade(List.of("d"), "b");

        assertThat(plan.direction()).isEqualTo(Direction.DOWNGRADE);
        assertThat(describe(plan)).containsExactly("d: -[d] +[c]", "c: -[c] +[b]");
        assertThat(plan.toHeads()).containsExactly("b");
        assertThat(plan.steps().get(0).arrow()).isEqualTo("d -> c");
    }

    @Test
    void downgradeToBaseUndoesEverything() {
        Plan plan = Graphs.linear().downgrade(List.of("d"), "base");

        assertThat(describe(plan)).containsExactly("d: -[d] +[c]", "c: -[c] +[b]", "b: -[b] +[a]", "a: -[a] +[]");
        assertThat(plan.toHeads()).isEmpty();
    }

    @Test
    void downgradeRelative() {
        assertThat(describe(Graphs.linear().downgrade(List.of("d"), "-1"))).containsExactly("d: -[d] +[c]");
        assertThat(Graphs.linear().downgrade(List.of("c"), "-3").toHeads()).isEmpty();
    }

    @Test
    void downgradeBelowBaseSaysHowFarItGot() {
        assertThatThrownBy(() -> Graphs.linear().downgrade(List.of("b"), "-5"))
                .isInstanceOf(RelativeRevisionException.class)
                .hasMessage("Relative revision -5 didn't produce 5 migrations; from b only 2 step(s) lead to base");
    }

    @Test
    void downgradeToARevisionNotAppliedTellsToUpgrade() {
        assertThatThrownBy(() -> Graphs.linear().downgrade(List.of("b"), "d"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("Revision d is not applied to the database (current: b); use upgrade to reach it");
        assertThatThrownBy(() -> Graphs.linear().downgrade(List.of(), "a"))
                .hasMessage("Revision a is not applied to the database (current: base); use upgrade to reach it");
    }

    @Test
    void downgradeThroughAMergeBringsBackBothBranchHeads() {
        Plan plan = Graphs.diamond().downgrade(List.of("e"), "b");

        assertThat(describe(plan)).containsExactly("e: -[e] +[m]", "m: -[m] +[b, c]");
        assertThat(plan.toHeads()).containsExactly("b", "c");
        assertThat(plan.steps().get(1).arrow()).isEqualTo("m -> b, c");
    }

    @Test
    void downgradeThroughAMergeToTheBranchPoint() {
        Plan plan = Graphs.diamond().downgrade(List.of("e"), "a");

        assertThat(describe(plan)).containsExactly(
                "e: -[e] +[m]", "m: -[m] +[b, c]", "b: -[b] +[]", "c: -[c] +[a]");
        assertThat(plan.toHeads()).containsExactly("a");
    }

    @Test
    void downgradeTwoBranchesToTheirBranchPoint() {
        Plan plan = Graphs.twoBranches().downgrade(List.of("b2", "c2"), "a");

        assertThat(describe(plan)).containsExactly(
                "b2: -[b2] +[b1]", "b1: -[b1] +[]", "c2: -[c2] +[c1]", "c1: -[c1] +[a]");
        assertThat(plan.toHeads()).containsExactly("a");
    }

    @Test
    void downgradeOneBranchByRevision() {
        Plan plan = Graphs.twoBranches().downgrade(List.of("b2", "c2"), "b1");

        assertThat(describe(plan)).containsExactly("b2: -[b2] +[b1]");
        assertThat(plan.toHeads()).containsExactly("c2", "b1");
    }

    @Test
    void downgradeOneRootToItsBase() {
        RevisionGraph graph = Graphs.twoRoots();

        Plan plan = graph.downgrade(List.of("a3", "x2"), "alpha@base");
        assertThat(describe(plan)).containsExactly("a3: -[a3] +[a2]", "a2: -[a2] +[a1]", "a1: -[a1] +[]");
        assertThat(plan.toHeads()).containsExactly("x2");

        assertThat(graph.downgrade(List.of("a3", "x2"), "beta@-2").toHeads()).containsExactly("a3");
        assertThat(graph.downgrade(List.of("a3", "x2"), "base").toHeads()).isEmpty();
    }

    @Test
    void upgradeOneRootByLabel() {
        RevisionGraph graph = Graphs.twoRoots();

        assertThat(describe(graph.upgrade(List.of(), "beta@head"))).containsExactly("x1: -[] +[x1]", "x2: -[x1] +[x2]");
        Plan both = graph.upgrade(List.of("a2"), "heads");
        assertThat(describe(both)).containsExactly("a3: -[a2] +[a3]", "x1: -[] +[x1]", "x2: -[x1] +[x2]");
        assertThat(both.toHeads()).containsExactly("a3", "x2");
    }

    @Test
    void upgradeRunsDependenciesFirstAndFoldsTheirRowsAsAlembicDoes() {
        Plan plan = Graphs.crossDependency().upgrade(List.of(), "beta@head");

        assertThat(describe(plan)).containsExactly("a1: -[] +[a1]", "b1: -[] +[b1]", "b2: -[b1, a1] +[b2]");
        assertThat(plan.toHeads()).containsExactly("b2");
    }

    @Test
    void dependencyRowKeptByAnOlderVersionStillMovesOnItsOwn() {
        Plan plan = Graphs.crossDependency().upgrade(List.of("a1", "b2"), "alpha@head");

        assertThat(describe(plan)).containsExactly("a2: -[a1] +[a2]");
        assertThat(plan.toHeads()).containsExactly("b2", "a2");
    }

    @Test
    void downgradingADependencyUndoesItsDependents() {
        Plan plan = Graphs.crossDependency().downgrade(List.of("a2", "b2"), "alpha@base");

        assertThat(describe(plan)).containsExactly("a2: -[a2] +[]", "b2: -[b2] +[b1, a1]", "a1: -[a1] +[]");
        assertThat(plan.toHeads()).containsExactly("b1");
    }

    @Test
    void databaseWrittenByAlembicWithAFoldedDependencyRow() {
        // Alembic keeps no row for a dependency that a head depends on: here a1 is implied by b2.
        RevisionGraph graph = Graphs.crossDependency();

        Plan down = graph.downgrade(List.of("b2"), "b1");
        assertThat(describe(down)).containsExactly("b2: -[b2] +[b1, a1]");
        assertThat(down.toHeads()).containsExactly("b1", "a1");

        Plan up = graph.upgrade(List.of("b2"), "heads");
        assertThat(describe(up)).containsExactly("a2: -[] +[a2]");
        assertThat(up.toHeads()).containsExactly("b2", "a2");
    }

    @Test
    void downgradeToARevisionAppliedOnlyAsADependencyFailsAsInAlembic() {
        // b2 depends on a1 and nothing applied revises a1: Alembic says "not a valid downgrade target".
        assertThatThrownBy(() -> Graphs.crossDependency().downgrade(List.of("b2"), "a1"))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("Revision a1 is applied only as a dependency of the current revision(s) b2, and no applied"
                        + " revision revises it; downgrade to a revision below those instead");
    }

    /** Each step as "id: -[deleted rows] +[inserted rows]". */
    static List<String> describe(Plan plan) {
        return plan.steps().stream()
                .map(s -> s.revision().id() + ": -" + s.headsToDelete() + " +" + s.headsToInsert())
                .toList();
    }
}
