package dev.migrate.graph;

import static dev.migrate.graph.GraphQueriesTest.ids;
import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private final RevisionGraph chain = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "b"),
            rev("d", "c"), rev("e", "d")));

    @Test
    void wholeGraphNewestFirst() {
        assertThat(ids(chain.history(null, List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(chain.history(" ", List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(chain.history("base:heads", List.of()))).containsExactly("e", "d", "c", "b", "a");
    }

    @Test
    void rangesAreInclusive() {
        assertThat(ids(chain.history("b:d", List.of()))).containsExactly("d", "c", "b");
        assertThat(ids(chain.history("c:", List.of()))).containsExactly("e", "d", "c");
        assertThat(ids(chain.history(":b", List.of()))).containsExactly("b", "a");
    }

    @Test
    void rangesWithCurrent() {
        assertThat(ids(chain.history("-2:current", List.of("d")))).containsExactly("d", "c", "b");
        assertThat(ids(chain.history("current:", List.of("c")))).containsExactly("e", "d", "c");
        assertThat(ids(chain.history(":current", List.of()))).isEmpty();
    }

    @Test
    void relativeUpperEndCountsFromTheLowerEnd() {
        assertThat(ids(chain.history("b:+2", List.of()))).containsExactly("d", "c", "b");
    }

    @Test
    void branchesAreListedOneAfterTheOther() {
        assertThat(ids(Graphs.twoBranches().history(null, List.of()))).containsExactly("b2", "b1", "c2", "c1", "a");
        assertThat(ids(Graphs.diamond().history(null, List.of()))).containsExactly("e", "m", "b", "c", "a");
        assertThat(ids(Graphs.diamond().history("c:", List.of()))).containsExactly("e", "m", "c");
    }

    @Test
    void rangeFromANamedBranchKeepsToIt() {
        assertThat(ids(Graphs.twoRoots().history("alpha@base:heads", List.of()))).containsExactly("a3", "a2", "a1");
        assertThat(ids(Graphs.twoRoots().history("base:heads", List.of()))).containsExactly("a3", "a2", "a1", "x2", "x1");
    }

    @Test
    void lowerEndMustBeAnAncestorOfTheUpperEnd() {
        assertThatThrownBy(() -> chain.history("d:b", List.of()))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("Revision d is not an ancestor of revision b; put the older revision first in the range"
                        + " (older:newer)");
        assertThatThrownBy(() -> Graphs.twoBranches().history("b1:c2", List.of()))
                .isInstanceOf(InvalidTargetException.class);
    }

    @Test
    void rangeNeedsAColon() {
        assertThatThrownBy(() -> chain.history("b", List.of()))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("History range 'b' is not valid; it requires [start]:[end], [start]: or :[end]");
    }
}
