package dev.migrate.bench;

import java.util.List;

/**
 * How much to run: the graph sizes, the revisions of the apply scenario, and the harness's warm-up and
 * measured iterations. {@link #full()} is the documented run (under three minutes on two cores),
 * {@link #quick()} a look in seconds, {@link #smoke()} one iteration at a tiny size for the tests.
 */
public record Settings(List<Integer> graphSizes, int applyRevisions, int warmups, long warmupMillis, int iterations,
                       int applyWarmups, int applyIterations) {

    public Settings {
        graphSizes = List.copyOf(graphSizes);
        if (iterations < 1 || applyIterations < 1) {
            throw new IllegalArgumentException("at least one measured iteration");
        }
    }

    public static Settings full() {
        return new Settings(List.of(1_000, 2_000, 5_000, 10_000), 200, 3, 1_000, 9, 2, 7);
    }

    public static Settings quick() {
        return new Settings(List.of(200, 1_000), 50, 1, 200, 3, 1, 3);
    }

    public static Settings smoke() {
        return new Settings(List.of(50), 10, 0, 0, 1, 0, 1);
    }
}
