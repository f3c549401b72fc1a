package dev.migrate.runtime;

import java.util.List;

/**
 * What a run did: the version-table heads before and after, the steps in the order they ran, the
 * revisions whose latest attempt had failed when the run started (for front ends to warn about: a
 * no-transaction revision may have been applied in part), and the repeatable scripts applied after the steps.
 */
public record RunResult(List<String> fromHeads, List<String> toHeads, List<AppliedStep> steps,
                        List<FailedAttempt> earlierFailures, List<AppliedRepeatable> repeatables) {

    public RunResult {
        fromHeads = List.copyOf(fromHeads);
        toHeads = List.copyOf(toHeads);
        steps = List.copyOf(steps);
        earlierFailures = List.copyOf(earlierFailures);
        repeatables = List.copyOf(repeatables);
    }

    public RunResult(List<String> fromHeads, List<String> toHeads, List<AppliedStep> steps,
                     List<FailedAttempt> earlierFailures) {
        this(fromHeads, toHeads, steps, earlierFailures, List.of());
    }

    /** True when the run applied neither a revision nor a repeatable script. */
    public boolean isEmpty() {
        return steps.isEmpty() && repeatables.isEmpty();
    }

    public RunResult(List<String> fromHeads, List<String> toHeads, List<AppliedStep> steps) {
        this(fromHeads, toHeads, steps, List.of());
    }
}
