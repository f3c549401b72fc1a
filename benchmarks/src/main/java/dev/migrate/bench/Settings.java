package dev.migrate.bench;

import java.util.List;

/**
 * How much to run: the graph sizes, the revisions of the apply scenario, and the harness's warm-up and
 * measured iterations. {@link #full()} is the documented run ({@code benchmarks/run.sh}),
 * {@link #quick()} a look in minutes, {@link #smoke()} one iteration at a tiny size for the tests.
 */
public record Settings(List<Integer> graphSizes, int applyRevisions, int warmups, long warmupMillis, int iterations,
                       int applyWarmups, int applyIterations, Peers peers) {

    /**
     * Sizes of the side-by-side scenarios (issue 6): revisions of the linear chain (no-op boot, fresh apply,
     * memory, boot), rows of the bulk revision of fresh apply, tables of the autogenerate schema, rows of the
     * rebuilt table; the warm-ups and measured iterations of the heavy cases (fresh apply, rebuild; the warm-ups
     * are also those of each application of scenario "boot"); whether fresh apply spends one more run per tool
     * counting its statements (not in the smoke test); the measured JVM starts per application of scenario
     * "boot"; the chain lengths of scenario "peers-graph"; the entities (and records) of scenario "entities"; the
     * schemas and revisions of scenario "fleet"; and the least number of warm-up calls of the cheap cases compared
     * across tools (no-op start, peers-graph at its smaller size), whatever their time: a
     * warm-up counted in wall time alone gives a tool that takes 100 ms a call a tenth of the calls, and so of the
     * JIT's compiled code, that one taking 10 ms gets (issue 16: each tool's CPU time per no-op call halves over its
     * first 40-50 calls, at 1,000 revisions).
     */
    public record Peers(int revisions, int bulkRows, int tables, int rebuildRows, int heavyWarmups,
                        int heavyIterations, boolean countStatements, int bootIterations, List<Integer> graphSizes,
                        int entities, int fleetSchemas, int fleetRevisions, int lightWarmups) {
        public static final Peers FULL = new Peers(1_000, 100_000, 1_000, 1_000_000, 1, 3, true, 4,
                List.of(1_000, 10_000), 200, 200, 50, 50);
        public static final Peers QUICK = new Peers(200, 10_000, 100, 100_000, 1, 3, true, 3, List.of(1_000), 200, 40, 50,
                20);
        public static final Peers SMOKE = new Peers(10, 100, 4, 1_000, 0, 1, false, 1, List.of(10), 4, 3, 3, 0);

        public Peers {
            graphSizes = List.copyOf(graphSizes);
        }

        /** The same with another table count ({@code --tables}). */
        Peers withTables(int count) {
            return new Peers(revisions, bulkRows, count, rebuildRows, heavyWarmups, heavyIterations, countStatements,
                    bootIterations, graphSizes, entities, fleetSchemas, fleetRevisions, lightWarmups);
        }
    }

    public Settings {
        graphSizes = List.copyOf(graphSizes);
        if (iterations < 1 || applyIterations < 1) {
            throw new IllegalArgumentException("at least one measured iteration");
        }
    }

    public static Settings full() {
        return new Settings(List.of(1_000, 2_000, 5_000, 10_000), 200, 3, 1_000, 9, 2, 7, Peers.FULL);
    }

    public static Settings quick() {
        return new Settings(List.of(200, 1_000), 50, 1, 200, 3, 1, 3, Peers.QUICK);
    }

    public static Settings smoke() {
        return new Settings(List.of(50), 10, 0, 0, 1, 0, 1, Peers.SMOKE);
    }
}
