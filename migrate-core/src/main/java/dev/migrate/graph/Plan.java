package dev.migrate.graph;

import java.util.List;

/**
 * What an upgrade, downgrade or stamp will do: the version-table heads before and after, and the steps
 * in the order they run (parents before children when upgrading, children before parents when
 * downgrading). An empty step list means there is nothing to do.
 */
public record Plan(Direction direction, List<String> fromHeads, List<String> toHeads, List<Step> steps) {

    public Plan {
        fromHeads = List.copyOf(fromHeads);
        toHeads = List.copyOf(toHeads);
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
