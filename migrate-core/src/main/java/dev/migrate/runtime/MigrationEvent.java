package dev.migrate.runtime;

import dev.migrate.graph.Direction;
import dev.migrate.graph.Step;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link MigrationCallback} is told: the run's direction, the revision's step and message (null for the run's
 * own events), the run's connection (inside the revision's transaction for a revision's events; never to be closed
 * or committed by the callback), the dialect's name ({@code sqlite}, {@code postgresql}...), for {@code afterRun} the
 * revisions the run applied (empty for the other events), and the failure for {@code revisionFailed} and
 * {@code runFailed}.
 */
public record MigrationEvent(Direction direction, Step step, String message, Connection connection, String dialect,
                             List<AppliedStep> applied, Throwable failure) {

    public MigrationEvent {
        applied = List.copyOf(applied);
    }

    /** The revision's id, absent for the run's own events. */
    public Optional<String> revision() {
        return Optional.ofNullable(step).map(s -> s.revision().id());
    }
}
