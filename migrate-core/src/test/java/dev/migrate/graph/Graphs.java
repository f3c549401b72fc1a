package dev.migrate.graph;

import java.util.List;
import java.util.Set;

/** The graphs the tests share, built in a line as Alembic's own tests build theirs. */
final class Graphs {

    private Graphs() {
    }

    static Revision rev(String id, String... parents) {
        return Revision.of(id, parents);
    }

    static Revision labeled(String id, String label, String... parents) {
        return new Revision(id, List.of(parents), Set.of(label), List.of());
    }

    static Revision dependent(String id, List<String> parents, String... dependsOn) {
        return new Revision(id, parents, Set.of(), List.of(dependsOn));
    }

    /** a - b - c - d */
    static RevisionGraph linear() {
        return RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c")));
    }

    /** a - b1 - b2 and a - c1 - c2: two heads from one base. */
    static RevisionGraph twoBranches() {
        return RevisionGraph.of(List.of(rev("a"), rev("b1", "a"), rev("b2", "b1"), rev("c1", "a"), rev("c2", "c1")));
    }

    /** a - b and a - c, merged by m, then e. */
    static RevisionGraph diamond() {
        return RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"), rev("e", "m")));
    }

    /** Two roots: alpha a1 - a2 - a3 and beta x1 - x2. */
    static RevisionGraph twoRoots() {
        return RevisionGraph.of(List.of(labeled("a1", "alpha"), rev("a2", "a1"), rev("a3", "a2"),
                labeled("x1", "beta"), rev("x2", "x1")));
    }

    /** Two roots, alpha a1 - a2 and beta b1 - b2, where b2 depends on a1 without descending from it. */
    static RevisionGraph crossDependency() {
        return RevisionGraph.of(List.of(labeled("a1", "alpha"), rev("a2", "a1"),
                labeled("b1", "beta"), dependent("b2", List.of("b1"), "a1")));
    }
}
