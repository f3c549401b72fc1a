package dev.migrate.command;

import dev.migrate.schema.Schema;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The models of one comparison, read on a thread of their own (daemon, named {@code migrate-models}, with the caller's
 * context class loader, through which Hibernate and Spring find classes) while the caller's thread reads the
 * database: the two do not depend on each other, so a check waits for the longer of them, not for both. Nothing is
 * shared between comparisons; a failure of the models is thrown by {@link #join()}, as it was thrown.
 */
final class ModelsOnTheirOwnThread {

    private final FutureTask<Schema> reading;

    private ModelsOnTheirOwnThread(FutureTask<Schema> reading) {
        this.reading = reading;
    }

    /** Starts reading; the task's failure is kept for {@link #join()}, never reported by the thread itself. */
    static ModelsOnTheirOwnThread start(Callable<Schema> models) {
        FutureTask<Schema> reading = new FutureTask<>(models);
        Thread thread = new Thread(reading, "migrate-models");
        thread.setDaemon(true); // a JVM that has nothing else to do does not wait for models nobody will read
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        return new ModelsOnTheirOwnThread(reading);
    }

    /** The models, once read; or their failure, the same exception the model source threw. */
    Schema join() {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new MigrateException("Could not read the models: " + failure, failure);
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while the models were read; run the command again", e);
        }
    }
}
