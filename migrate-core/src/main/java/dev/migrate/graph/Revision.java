package dev.migrate.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One node of the revision graph, as Alembic's {@code Revision}: its id, the revisions it revises
 * (several for a merge point, none for a base), its own branch labels and the revisions it depends on
 * without descending from them ({@code depends_on}). Knows nothing of files or databases.
 */
public record Revision(String id, List<String> downRevisions, Set<String> branchLabels, List<String> dependsOn) {

    public Revision {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a revision id must not be blank");
        }
        downRevisions = List.copyOf(downRevisions);
        branchLabels = Set.copyOf(new LinkedHashSet<>(branchLabels));
        dependsOn = List.copyOf(dependsOn);
    }

    /** A revision with parents only: the form most tests and most scripts need. */
    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), Set.of(), List.of());
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMergePoint() {
        return downRevisions.size() > 1;
    }
}
