package dev.migrate.bench;

import dev.migrate.graph.Revision;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.script.DirectoryScriptSource;
import dev.migrate.script.ScriptLoader;
import dev.migrate.script.ScriptSet;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scenario "graph": script directories of 1,000 to 10,000 revisions with a merge every 20 revisions.
 * Measures loading the headers and building the graph, planning an upgrade from an empty database to
 * {@code heads} and a downgrade from the heads to {@code base}, and the full history; against the floor
 * of listing the directory and reading each file's first 8 lines. No database is involved.
 */
public final class GraphScenario implements Scenario {

    static final String FLOOR = "floor: list dir + read 8 lines/file";
    static final String LOAD = "load: ScriptLoader + RevisionGraph.of";
    static final String BUILD = "  of which RevisionGraph.of";
    static final String UPGRADE = "plan: upgrade(empty -> heads)";
    static final String DOWNGRADE = "plan: downgrade(heads -> base)";
    static final String HISTORY = "history(null, [])";

    private static final int BRANCH_EVERY = 20;
    private static final int FLOOR_LINES = 8;

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String description() {
        return "script directory on disk, a branch point every " + BRANCH_EVERY + " revisions merged 2-5 later";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        List<Result> results = new ArrayList<>();
        warmUpJit(settings, workDir);
        for (int size : settings.graphSizes()) {
            ScriptTree.Written tree = ScriptTree.write(workDir.resolve("graph-" + size), size, BRANCH_EVERY);
            Path dir = tree.directory();

            Measure.Samples floor = Measure.run(settings, Measure.whole(() -> readHeads(dir)));
            double floorMs = floor.medianMillis();
            Measure.Samples load = Measure.run(settings, Measure.whole(() -> load(dir)));

            List<Revision> revisions = new ScriptLoader().load(List.of(new DirectoryScriptSource(dir)), List.of()).revisions();
            Measure.Samples build = Measure.run(settings, Measure.whole(() -> RevisionGraph.of(revisions)));
            RevisionGraph graph = RevisionGraph.of(revisions);
            check(graph, tree);
            List<String> heads = graph.heads();
            Measure.Samples upgrade = Measure.run(settings, Measure.whole(() -> graph.upgrade(List.of(), "heads")));
            Measure.Samples downgrade = Measure.run(settings, Measure.whole(() -> graph.downgrade(heads, "base")));
            Measure.Samples history = Measure.run(settings, Measure.whole(() -> graph.history(null, List.of())));

            results.add(Result.of(name(), "io", FLOOR, size, floor, floorMs));
            results.add(Result.of(name(), "migrate", LOAD, size, load, floorMs));
            results.add(Result.of(name(), "migrate", BUILD, size, build, floorMs));
            results.add(Result.of(name(), "migrate", UPGRADE, size, upgrade, floorMs));
            results.add(Result.of(name(), "migrate", DOWNGRADE, size, downgrade, floorMs));
            results.add(Result.of(name(), "migrate", HISTORY, size, history, floorMs));
        }
        return results;
    }

    /**
     * Every case once for {@code warmupMillis} on a mid-sized tree before anything is timed, so that the
     * first (smallest) size is not measured while C2 is still compiling: per-size warm-ups alone left the
     * 1,000 row several times slower per revision than the 2,000 one.
     */
    private static void warmUpJit(Settings settings, Path workDir) throws Exception {
        if (settings.warmupMillis() <= 0) {
            return;
        }
        Path dir = ScriptTree.write(workDir.resolve("jit-warmup"), 2_000, BRANCH_EVERY).directory();
        Settings warmup = new Settings(settings.graphSizes(), settings.applyRevisions(), 1, settings.warmupMillis(), 1,
                settings.applyWarmups(), settings.applyIterations(), settings.peers());
        Measure.run(warmup, Measure.whole(() -> readHeads(dir)));
        Measure.run(warmup, Measure.whole(() -> load(dir)));
        RevisionGraph graph = load(dir);
        List<String> heads = graph.heads();
        Measure.run(warmup, Measure.whole(() -> graph.upgrade(List.of(), "heads")));
        Measure.run(warmup, Measure.whole(() -> graph.downgrade(heads, "base")));
        Measure.run(warmup, Measure.whole(() -> graph.history(null, List.of())));
        BenchmarkMain.deleteTree(dir);
    }

    static RevisionGraph load(Path dir) {
        ScriptSet set = new ScriptLoader().load(List.of(new DirectoryScriptSource(dir)), List.of());
        return RevisionGraph.of(set.revisions());
    }

    /** The floor: what any loader must do, list the files and read the head of each. */
    static int readHeads(Path dir) throws Exception {
        int chars = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < FLOOR_LINES; i++) {
                    String line = reader.readLine();
                    if (line == null) {
                        break;
                    }
                    chars += line.length();
                }
            }
        }
        return chars;
    }

    /** The plans must be the real ones, or the timings mean nothing. */
    private static void check(RevisionGraph graph, ScriptTree.Written tree) {
        if (graph.size() != tree.size() || graph.heads().size() != 1) {
            throw new IllegalStateException("generated graph of " + tree.size() + " revisions loaded as "
                    + graph.size() + " revisions with heads " + graph.heads());
        }
        int up = graph.upgrade(List.of(), "heads").steps().size();
        int down = graph.downgrade(graph.heads(), "base").steps().size();
        if (up == 0 || down == 0) {
            throw new IllegalStateException("empty plan: upgrade " + up + " steps, downgrade " + down + " steps");
        }
    }
}
