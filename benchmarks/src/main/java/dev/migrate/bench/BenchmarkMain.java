package dev.migrate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The runner: runs the chosen scenarios in a temporary directory and prints a table of medians, ms per
 * 1,000 revisions and ratios to each scenario's floor, then the linearity of each case (ms per 1,000
 * revisions at the largest size over that at the smallest).
 *
 * <pre>
 * java -jar benchmarks/target/migrate-benchmarks.jar [--quick] [--only graph,apply] [--sizes 1000,5000]
 * </pre>
 */
public final class BenchmarkMain {

    /**
     * Every scenario, in the order they run; noop, fresh, autogen, rebuild, memory, peers-graph and boot are
     * issue 6's side by side; fleet is issue 14's schemas one at a time against several.
     */
    static List<Scenario> scenarios() {
        return List.of(new GraphScenario(), new ApplyScenario(), new NoopScenario(), new FreshApplyScenario(),
                new AutogenerateScenario(), new RebuildScenario(), new MemoryScenario(), new PeerGraphScenario(),
                new BootScenario(), new CliScenario(), new EntitiesScenario(), new EntitiesCliScenario(), new FleetScenario());
    }

    /**
     * Every tool logs at WARNING (SLF4J's JUL binding for this project and Flyway, Liquibase's own JUL logger):
     * held strongly, since java.util.logging keeps loggers weakly and a level set on a collected one is lost.
     */
    private static final Logger ROOT_LOG = Logger.getLogger("");

    static {
        ROOT_LOG.setLevel(Level.WARNING);
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.full();
        Set<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = Settings.quick();
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--sizes" -> settings = new Settings(Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList(),
                        settings.applyRevisions(), settings.warmups(), settings.warmupMillis(), settings.iterations(),
                        settings.applyWarmups(), settings.applyIterations(), settings.peers());
                case "--tables" -> settings = new Settings(settings.graphSizes(), settings.applyRevisions(),
                        settings.warmups(), settings.warmupMillis(), settings.iterations(), settings.applyWarmups(),
                        settings.applyIterations(), settings.peers().withTables(Integer.parseInt(args[++i])));
                case "-h", "--help" -> {
                    System.out.println("usage: run.sh [--quick] [--only graph,apply,noop,fresh,autogen,rebuild,memory,peers-graph,boot,cli,entities,entities-cli,fleet] [--sizes 1000,2000] [--tables 1000]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; see --help");
            }
        }
        List<Scenario> chosen = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            if (only == null || only.contains(scenario.name())) {
                chosen.add(scenario);
            }
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "java %s (%s), %d processors, max heap %d MB; %d warm-ups (>= %d ms) + %d measured iterations (apply: %d + %d)%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                settings.warmups(), settings.warmupMillis(), settings.iterations(), settings.applyWarmups(),
                settings.applyIterations());
        long start = System.nanoTime();
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : chosen) {
            out.println(scenario.name() + ": " + scenario.description() + " ...");
            results.addAll(run(scenario, settings));
        }
        out.println();
        out.print(table(results));
        out.println();
        out.print(linearity(results));
        String peers = Peers.summary(results);
        if (!peers.isEmpty()) {
            out.println();
            out.print(peers);
        }
        out.printf(Locale.ROOT, "%ntotal %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Runs one scenario in a temporary directory of its own, deleted afterwards. */
    public static List<Result> run(Scenario scenario, Settings settings) throws Exception {
        Path workDir = Files.createTempDirectory("migrate-bench-" + scenario.name() + "-");
        try {
            return scenario.run(settings, workDir);
        } finally {
            deleteTree(workDir);
        }
    }

    /** The table as GitHub Markdown, readable as plain text too. */
    public static String table(List<Result> results) {
        StringBuilder table = new StringBuilder();
        table.append("| scenario | case | revisions | median ms | ms / 1,000 rev | x floor | min..max ms |\n");
        table.append("|---|---|--:|--:|--:|--:|--:|\n");
        for (Result r : results) {
            String ratio = Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio());
            if (r.timed()) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %.2f | %s | %.2f..%.2f |%n",
                        r.scenario(), r.measured(), r.revisions(), r.medianMs(), r.msPerThousand(), ratio, r.minMs(),
                        r.maxMs()));
            } else {
                table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f %s | | %s | %,.0f..%,.0f %s |%n",
                        r.scenario(), r.measured(), r.revisions(), r.medianMs(), r.unit(), ratio, r.minMs(), r.maxMs(),
                        r.unit()));
            }
        }
        return table.toString();
    }

    /** Per case measured at several sizes: ms per 1,000 revisions at the smallest and the largest. */
    public static String linearity(List<Result> results) {
        Map<String, List<Result>> byCase = results.stream().filter(Result::timed).collect(Collectors.groupingBy(
                r -> r.scenario() + " | " + r.measured(), LinkedHashMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder();
        if (byCase.values().stream().noneMatch(rows -> rows.size() > 1)) {
            return "(linearity: each case ran at one size only)\n";
        }
        text.append("| case | ms / 1,000 rev, smallest | ms / 1,000 rev, largest | growth |\n|---|--:|--:|--:|\n");
        byCase.forEach((name, rows) -> {
            if (rows.size() < 2) {
                return;
            }
            Result first = rows.get(0);
            Result last = rows.get(rows.size() - 1);
            text.append(String.format(Locale.ROOT, "| %s | %.2f (%,d) | %.2f (%,d) | x%.2f |%n", name,
                    first.msPerThousand(), first.revisions(), last.msPerThousand(), last.revisions(),
                    last.msPerThousand() / first.msPerThousand()));
        });
        return text.toString();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
