package dev.migrate.graph;

import java.util.List;
import java.util.Set;

/**
 * What an upgrade, downgrade or stamp will do: the version-table heads before and after, and the steps
 * in the order they run (parents before children when upgrading, children before parents when
 * downgrading). An empty step list means there is nothing to do, except for a stamp (see
 * {@link #stamp}), which runs no revision and only replaces {@code fromHeads} by {@code toHeads}.
 */
public record Plan(Direction direction, List<String> fromHeads, List<String> toHeads, List<Step> steps) {

    public Plan {
        fromHeads = List.copyOf(fromHeads);
        toHeads = List.copyOf(toHeads);
        steps = List.copyOf(steps);
    }

    /**
     * A stamp: the version table goes from {@code fromHeads} to {@code toHeads} without running any
     * revision. Its direction is {@code UPGRADE} by convention; it has no meaning for a stamp.
     */
    public static Plan stamp(List<String> fromHeads, List<String> toHeads) {
        return new Plan(Direction.UPGRADE, fromHeads, toHeads, List.of());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Rows the whole plan removes from the version table (what a stamp deletes). */
    public List<String> rowsToDelete() {
        Set<String> after = Set.copyOf(toHeads);
        return fromHeads.stream().filter(row -> !after.contains(row)).toList();
    }

    /** Rows the whole plan adds to the version table (what a stamp inserts). */
    public List<String> rowsToInsert() {
        Set<String> before = Set.copyOf(fromHeads);
        return toHeads.stream().filter(row -> !before.contains(row)).toList();
    }
}
