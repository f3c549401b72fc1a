package dev.migrate.runtime;

import java.util.List;

/**
 * What a run did: the version-table heads before and after, the steps in the order they ran, and the
 * revisions whose latest attempt had failed when the run started (for front ends to warn about: a
 * no-transaction revision may have been applied in part).
 */
public record RunResult(List<String> fromHeads, List<String> toHeads, List<AppliedStep> steps,
                        List<FailedAttempt> earlierFailures) {

    public RunResult {
        fromHeads = List.copyOf(fromHeads);
        toHeads = List.copyOf(toHeads);
        steps = List.copyOf(steps);
        earlierFailures = List.copyOf(earlierFailures);
    }

    public RunResult(List<String> fromHeads, List<String> toHeads, List<AppliedStep> steps) {
        this(fromHeads, toHeads, steps, List.of());
    }
}
