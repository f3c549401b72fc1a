package dev.migrate.fleet;

import java.util.List;
import java.util.Optional;

/** Every target's outcome of one fleet operation, in the order of the targets. */
public record FleetResult<T>(List<TargetOutcome<T>> outcomes) {

    public FleetResult {
        outcomes = List.copyOf(outcomes);
    }

    public List<TargetOutcome.Failed<T>> failures() {
        return outcomes.stream().filter(outcome -> outcome instanceof TargetOutcome.Failed<T>)
                .map(outcome -> (TargetOutcome.Failed<T>) outcome).toList();
    }

    public List<TargetOutcome.NotStarted<T>> notStarted() {
        return outcomes.stream().filter(outcome -> outcome instanceof TargetOutcome.NotStarted<T>)
                .map(outcome -> (TargetOutcome.NotStarted<T>) outcome).toList();
    }

    /** True when every target is done. */
    public boolean succeeded() {
        return outcomes.stream().allMatch(outcome -> outcome instanceof TargetOutcome.Done<T>);
    }

    public Optional<TargetOutcome<T>> of(String target) {
        return outcomes.stream().filter(outcome -> outcome.target().equals(target)).findFirst();
    }

    /**
     * One line for a failed run: how many targets failed of how many, and each failure's own line; empty when every
     * target is done.
     */
    public Optional<String> failureSummary() {
        List<TargetOutcome<T>> bad = outcomes.stream().filter(outcome -> !(outcome instanceof TargetOutcome.Done<T>)).toList();
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(failures().size() + " of " + outcomes.size() + " targets failed"
                + (notStarted().isEmpty() ? "" : ", " + notStarted().size() + " not started") + ": "
                + String.join("; ", bad.stream().map(TargetOutcome::describe).toList()));
    }
}
