package dev.migrate.runtime;

import java.util.List;

/** What a run did: the version-table heads before and after, and the steps in the order they ran. */
public record RunResult(List<String> fromHeads, List<String> toHeads, List<AppliedStep> steps) {

    public RunResult {
        fromHeads = List.copyOf(fromHeads);
        toHeads = List.copyOf(toHeads);
        steps = List.copyOf(steps);
    }
}
