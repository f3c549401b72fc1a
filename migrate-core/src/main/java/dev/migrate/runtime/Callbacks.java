package dev.migrate.runtime;

import java.util.List;

/** The run's {@link MigrationCallback}s, called in order; the first that throws stops the others. */
final class Callbacks {

    /** Where in the run a callback is called; {@link #method()} is how messages name it. */
    enum Stage {
        BEFORE_RUN("beforeRun"), BEFORE_REVISION("beforeRevision"), AFTER_REVISION("afterRevision"),
        REVISION_FAILED("revisionFailed"), AFTER_RUN("afterRun"), RUN_FAILED("runFailed");

        private final String method;

        Stage(String method) {
            this.method = method;
        }

        String method() {
            return method;
        }

        private void invoke(MigrationCallback callback, MigrationEvent event) throws Exception {
            switch (this) {
                case BEFORE_RUN -> callback.beforeRun(event);
                case BEFORE_REVISION -> callback.beforeRevision(event);
                case AFTER_REVISION -> callback.afterRevision(event);
                case REVISION_FAILED -> callback.revisionFailed(event);
                case AFTER_RUN -> callback.afterRun(event);
                case RUN_FAILED -> callback.runFailed(event);
            }
        }
    }

    private final List<MigrationCallback> callbacks;

    Callbacks(List<MigrationCallback> callbacks) {
        this.callbacks = List.copyOf(callbacks);
    }

    boolean isEmpty() {
        return callbacks.isEmpty();
    }

    /** Calls every callback at {@code stage}; a callback that throws comes out as a {@link Failure} naming it. */
    void call(Stage stage, MigrationEvent event) {
        for (MigrationCallback callback : callbacks) {
            try {
                stage.invoke(callback, event);
            } catch (Exception e) {
                throw new Failure(callback.name(), stage, e);
            }
        }
    }

    /** A callback threw; {@link #describe()} says which and where, for the run's one-line message. */
    static final class Failure extends RuntimeException {
        private final String callback;
        private final transient Stage stage;

        Failure(String callback, Stage stage, Throwable cause) {
            super(cause);
            this.callback = callback;
            this.stage = stage;
        }

        /** {@code com.acme.RefreshViews (afterRevision)}. */
        String who() {
            return callback + " (" + stage.method() + ")";
        }

        /** {@code callback com.acme.RefreshViews (afterRevision)}. */
        String describe() {
            return "callback " + who();
        }
    }
}
