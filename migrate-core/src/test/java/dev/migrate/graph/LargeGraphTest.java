package dev.migrate.graph;

import static dev.migrate.graph.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Long chains and many merges must build and plan without deep recursion or quadratic work. */
class LargeGraphTest {

    @Test
    void tenThousandRevisionsWithFiveHundredMerges() {
        // A main line of 9,500 revisions; every 19 revisions a side revision branches off and is merged
        // back ten revisions later.
        List<Revision> revisions = new ArrayList<>();
        int merges = 0;
        int side = 0;
        for (int i = 0; i < 9_500; i++) {
            String id = main(i);
            if (i == 0) {
                revisions.add(rev(id));
            } else if (i % 19 == 10 && side > 0 && merges < side) {
                revisions.add(rev(id, main(i - 1), "s" + merges));
                merges++;
            } else {
                revisions.add(rev(id, main(i - 1)));
            }
            if (i % 19 == 0 && side < 500) {
                revisions.add(rev("s" + side, id));
                side++;
            }
        }
        List<Revision> shuffled = new ArrayList<>(revisions);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));

        RevisionGraph graph = RevisionGraph.of(shuffled);

        assertThat(graph.size()).isEqualTo(10_000);
        assertThat(merges).isEqualTo(500);
        assertThat(graph.heads()).containsExactly(main(9_499));
        assertThat(graph.revisions().get(0).id()).isEqualTo(main(0));

        Plan up = graph.upgrade(List.of(), "head");
        assertThat(up.steps()).hasSize(10_000);
        assertThat(up.toHeads()).containsExactly(main(9_499));
        Plan halfway = graph.upgrade(List.of(main(4_000)), "heads");
        assertThat(halfway.toHeads()).containsExactly(main(9_499));

        Plan down = graph.downgrade(List.of(main(9_499)), "base");
        assertThat(down.steps()).hasSize(10_000);
        assertThat(down.toHeads()).isEmpty();
        // s0 branches off below r00005, so it stays applied as a head of its own.
        assertThat(graph.downgrade(List.of(main(9_499)), main(5)).toHeads()).containsExactly("s0", main(5));

        assertThat(graph.history(null, List.of())).hasSize(10_000);
        // 500 main-line revisions and the 26 side revisions branching off them.
        assertThat(graph.history(main(9_000) + ":", List.of())).hasSize(526);
        assertThat(graph.stamp(List.of(main(9_499)), main(3), false).toHeads()).containsExactly(main(3));
    }

    @Test
    void tenThousandLongChainWalksAndLabels() {
        List<Revision> revisions = new ArrayList<>();
        revisions.add(new Revision(main(0), List.of(), Set.of("main"), List.of()));
        for (int i = 1; i < 10_000; i++) {
            revisions.add(rev(main(i), main(i - 1)));
        }

        RevisionGraph graph = RevisionGraph.of(revisions);

        assertThat(graph.resolve("+10000", List.of())).containsExactly(main(9_999));
        assertThat(graph.resolve("-9999", List.of(main(9_999)))).containsExactly(main(0));
        assertThat(graph.resolve("main@head", List.of())).containsExactly(main(9_999));
        assertThat(graph.branchLabelsOf(main(9_999))).containsExactly("main");
        assertThat(graph.upgrade(List.of(), "head").steps()).hasSize(10_000);
        assertThat(graph.history("-100:heads", List.of())).hasSize(101);
    }

    private static String main(int i) {
        return String.format("r%05d", i);
    }
}
