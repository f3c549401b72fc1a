package dev.migrate.fleet;

/** Told as each target of a fleet operation starts and ends (progress output, metrics); called on the worker's thread. */
public interface FleetListener {

    FleetListener NONE = new FleetListener() {
    };

    default void started(String target) {
    }

    default void finished(TargetOutcome<?> outcome) {
    }
}
