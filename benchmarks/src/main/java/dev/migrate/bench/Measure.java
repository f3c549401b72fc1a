package dev.migrate.bench;

import java.util.Arrays;

/**
 * The harness: warm-up iterations (at least a number of them, and at least some wall time, so that the
 * JIT has compiled the measured code before small sizes are timed), then N measured iterations, and
 * their median. No timing is ever asserted anywhere; the numbers are for reading.
 */
public final class Measure {

    /** One iteration that times itself, so that per-iteration set-up (a fresh database) stays untimed. */
    @FunctionalInterface
    public interface TimedIteration {
        /** Runs once and returns the nanoseconds of the part that counts. */
        long nanos() throws Exception;
    }

    /** One iteration timed whole. */
    @FunctionalInterface
    public interface Task {
        /** Runs once; the result is kept in {@link #sink} so that the JIT cannot drop the work. */
        Object run() throws Exception;
    }

    /** Results of measured code end here, so that no dead-code elimination can skip the work. */
    public static volatile int sink;

    private Measure() {
    }

    /** Times {@code task} whole. */
    public static TimedIteration whole(Task task) {
        return () -> {
            long start = System.nanoTime();
            Object result = task.run();
            long elapsed = System.nanoTime() - start;
            sink += System.identityHashCode(result);
            return elapsed;
        };
    }

    /** Warms up, then returns the samples of {@code settings.iterations()} measured runs. */
    public static Samples run(Settings settings, TimedIteration iteration) throws Exception {
        long warmupEnd = System.nanoTime() + settings.warmupMillis() * 1_000_000L;
        for (int i = 0; i < settings.warmups() || (settings.warmupMillis() > 0 && System.nanoTime() < warmupEnd); i++) {
            iteration.nanos();
        }
        long[] nanos = new long[settings.iterations()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = iteration.nanos();
        }
        return new Samples(nanos);
    }

    /** Measured samples, in nanoseconds. */
    public record Samples(long[] nanos) {

        public Samples {
            if (nanos.length == 0) {
                throw new IllegalArgumentException("at least one measured iteration");
            }
            nanos = nanos.clone();
        }

        public double medianMillis() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
            return median / 1_000_000.0;
        }

        public double minMillis() {
            return Arrays.stream(nanos).min().orElseThrow() / 1_000_000.0;
        }

        public double maxMillis() {
            return Arrays.stream(nanos).max().orElseThrow() / 1_000_000.0;
        }
    }
}
