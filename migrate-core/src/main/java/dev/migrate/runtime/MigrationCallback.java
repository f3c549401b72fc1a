package dev.migrate.runtime;

/**
 * A hook around a migration run ({@code upgrade}, {@code downgrade}) and each of its revisions, as Flyway's
 * {@code Callback} and Alembic's {@code on_version_apply}: refresh a materialized view, grant rights, notify.
 * Every method is given the run's own connection (under the run's lock):
 * <ul>
 *   <li>{@link #beforeRevision} and {@link #afterRevision} run inside the revision's transaction where it has one
 *       (before its first statement, after its last): what they change commits or rolls back with the revision;</li>
 *   <li>{@link #beforeRun} and {@link #afterRun} run in a transaction of their own, before anything is planned and
 *       after the last revision committed; they are called when nothing is pending too ({@link MigrationEvent#applied()}
 *       says what ran);</li>
 *   <li>{@link #revisionFailed} and {@link #runFailed} run after the rollback, in a transaction of their own; what
 *       they throw is logged and kept as a suppressed exception, never hides the failure.</li>
 * </ul>
 * A callback that throws from the other methods fails the run as a failing statement does: its revision is rolled
 * back, the failure is recorded in the log table, and the message names the callback. Offline SQL ({@code --sql})
 * calls no callback: there is no connection to give them. Callbacks run in the order they were registered.
 * <p>
 * A fleet's targets share their callbacks: with a parallelism above 1 one instance is called for several targets at
 * once, each from the thread that runs that target, without serializing (a slow callback must not hold the other
 * targets' transactions back). So a callback must be thread-safe; the calls for one target come in order, on one thread.
 */
public interface MigrationCallback {

    default void beforeRun(MigrationEvent event) throws Exception {
    }

    default void beforeRevision(MigrationEvent event) throws Exception {
    }

    default void afterRevision(MigrationEvent event) throws Exception {
    }

    /** After a revision failed and was rolled back; {@link MigrationEvent#failure()} says why. */
    default void revisionFailed(MigrationEvent event) throws Exception {
    }

    default void afterRun(MigrationEvent event) throws Exception {
    }

    /**
     * After the run failed once it held the lock (a revision, a callback, scripts changed since they ran...);
     * {@link MigrationEvent#failure()} says why. A run that never got the lock or a connection calls no callback.
     */
    default void runFailed(MigrationEvent event) throws Exception {
    }

    /** How failure messages name this callback: its class by default. */
    default String name() {
        return getClass().getName();
    }
}
