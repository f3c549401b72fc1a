package dev.migrate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StampTest {

    private final RevisionGraph roots = Graphs.twoRoots();

    @Test
    void stampReplacesTheRowOnItsOwnBranchOnly() {
        Plan plan = roots.stamp(List.of("a3", "x2"), "a1", false);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.fromHeads()).containsExactly("a3", "x2");
        assertThat(plan.toHeads()).containsExactly("x2", "a1");
        assertThat(plan.rowsToDelete()).containsExactly("a3");
        assertThat(plan.rowsToInsert()).containsExactly("a1");
    }

    @Test
    void stampWithPurgeStartsFromNoRows() {
        assertThat(roots.stamp(List.of("a3", "x2"), "a1", true).toHeads()).containsExactly("a1");
    }

    @Test
    void stampBase() {
        assertThat(roots.stamp(List.of("a3", "x2"), "base", false).toHeads()).isEmpty();
        assertThat(roots.stamp(List.of("a3", "x2"), "base", true).toHeads()).isEmpty();
        assertThat(roots.stamp(List.of("a3", "x2"), "alpha@base", false).toHeads()).containsExactly("x2");
    }

    @Test
    void stampHeadsOnAnEmptyDatabase() {
        Plan plan = roots.stamp(List.of(), "heads", false);

        assertThat(plan.toHeads()).containsExactly("a3", "x2");
        assertThat(plan.rowsToInsert()).containsExactly("a3", "x2");
    }

    @Test
    void stampAcrossABranchPointReplacesBothBranchRows() {
        Plan plan = Graphs.twoBranches().stamp(List.of("b2", "c1"), "a", false);

        assertThat(plan.toHeads()).containsExactly("a");
    }

    @Test
    void stampOneBranchOfTwo() {
        Plan plan = Graphs.twoBranches().stamp(List.of("b1", "c1"), "b2", false);

        assertThat(plan.toHeads()).containsExactly("c1", "b2");
    }

    @Test
    void unknownRowNeedsPurge() {
        assertThatThrownBy(() -> roots.stamp(List.of("0badc0ffee00"), "head", false))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessageContaining("use stamp --purge");
        Plan plan = roots.stamp(List.of("0badc0ffee00"), "alpha@head", true);
        assertThat(plan.fromHeads()).containsExactly("0badc0ffee00");
        assertThat(plan.toHeads()).containsExactly("a3");
        assertThat(plan.rowsToDelete()).containsExactly("0badc0ffee00");
    }
}
