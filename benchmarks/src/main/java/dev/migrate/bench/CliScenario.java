package dev.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "cli" (issue 16): the demo's one-shot {@code db} commands as users run them, {@code java -jar
 * demo-blog-app.jar db ...}, each sample a whole process in a fresh JVM (the same {@code -Xms512m -Xmx512m} as the
 * {@code boot} scenario, nothing else), timed from starting the process to its exit: {@code db current},
 * {@code db history}, {@code db upgrade} at head and {@code db --help}, on SQLite and PostgreSQL (the URL picks the demo's
 * scripts), and {@code db current} once more from the jar as Boot's own tools extract it (the same application without
 * the nested-jar launcher). The floor is the {@code boot} scenario's: a bare Spring Boot application with only a
 * DataSource ({@link BootScenario}), started in the same rounds. The database is brought to head beforehand by the
 * demo itself ({@code db upgrade}, untimed); then one warm-up round (first database only) and the measured rounds,
 * each running the floor and every command in turn. Checked: each command exits 0 with its expected output, and
 * {@code db upgrade} finds nothing to do.
 */
public final class CliScenario implements Scenario {

    /** The demo's jar; {@code -Dmigrate.bench.cli.jar=...} for another. run.sh builds it. */
    static final String JAR_PROPERTY = "migrate.bench.cli.jar";
    static final String DEMO_HEAD = "c41d9e0a7b58";
    static final int DEMO_REVISIONS = 4;
    private static final long TIMEOUT_MINUTES = 5;

    /** One command: its words, a line its standard output must hold, and whether it runs from the extracted jar. */
    private record Command(String label, List<String> words, String expected, boolean extracted) {

        Command(String label, List<String> words, String expected) {
            this(label, words, expected, false);
        }
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("demo jar: db current", List.of("db", "current"), DEMO_HEAD + " (head)"),
            new Command("demo jar: db history", List.of("db", "history"), "<base> -> 9a0e4c7b1f22, DB initial migration"),
            new Command("demo jar: db upgrade (at head)", List.of("db", "upgrade"),
                    "Nothing to upgrade: the database is at " + DEMO_HEAD),
            new Command("demo jar: db --help", List.of("db", "--help"), "Usage: db <command> [OPTIONS] [ARGUMENTS]"),
            // the same application without Boot's nested-jar launcher, which looks each class up in the nested jars in
            // turn (72 in the demo, 32 on the floor's flat class path): the one-shot mode's own cost, apart from it
            new Command("demo jar extracted (-Djarmode=tools): db current", List.of("db", "current"),
                    DEMO_HEAD + " (head)", true));

    @Override
    public String name() {
        return "cli";
    }

    @Override
    public String description() {
        return "the demo's one-shot db commands (java -jar, fresh JVM per run) against the bare-Boot floor,"
                + " SQLite and PostgreSQL";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        Path jar = builtJar(JAR_PROPERTY, "demo-blog-app");
        BootClasspaths classpaths = BootClasspaths.load();
        Path appClasses = BootScenario.copyAppClass(workDir.resolve("app-classes"));
        Path runDir = Files.createDirectories(workDir.resolve("cli"));
        Path extracted = extract(jar, workDir.resolve("extracted"));
        List<Result> results = new ArrayList<>();
        for (Target target : Target.available(workDir.resolve("db"), true, System.out)) {
            String scenario = name() + "/" + target.name() + BootScenario.WALL;
            try (Target.Db floorDb = target.create(); Target.Db demoDb = target.create()) {
                BootScenario.Launch floor = BootScenario.launch(BootClasspaths.App.FLOOR, BootScenario.FLOOR, classpaths,
                        appClasses, null, floorDb, workDir);
                long prepare = System.nanoTime();
                run(jar, demoDb, target, runDir, new Command("prepare: db upgrade", List.of("db", "upgrade"),
                        "Running upgrade 6b7d2e91c4a3 -> " + DEMO_HEAD + ", adding article categories"));
                System.out.printf(Locale.ROOT, "  %s: the demo's %d revisions applied by db upgrade in %.1f s (untimed)%n",
                        target.name(), DEMO_REVISIONS, (System.nanoTime() - prepare) / 1e9);
                for (int i = 0; i < (results.isEmpty() ? settings.peers().heavyWarmups() : 0); i++) {
                    BootScenario.start(floor);
                    for (Command command : COMMANDS) {
                        run(command.extracted() ? extracted : jar, demoDb, target, runDir, command);
                    }
                }
                int iterations = settings.peers().bootIterations();
                long[][] wall = new long[COMMANDS.size() + 1][iterations];
                for (int i = 0; i < iterations; i++) {
                    wall[0][i] = BootScenario.start(floor).wallNanos();
                    for (int c = 0; c < COMMANDS.size(); c++) {
                        Command command = COMMANDS.get(c);
                        wall[c + 1][i] = run(command.extracted() ? extracted : jar, demoDb, target, runDir, command);
                    }
                }
                Measure.Samples floorSamples = new Measure.Samples(wall[0]);
                results.add(Result.of(scenario, "jdbc", BootScenario.FLOOR, DEMO_REVISIONS, floorSamples,
                        floorSamples.medianMillis()));
                for (int c = 0; c < COMMANDS.size(); c++) {
                    results.add(Result.of(scenario, "migrate", COMMANDS.get(c).label(), DEMO_REVISIONS,
                            new Measure.Samples(wall[c + 1]), floorSamples.medianMillis()));
                }
            }
        }
        return results;
    }

    /** A demo module's packaged jar, {@code <module>/target/<module>.jar}, or the one {@code -D<property>} names. */
    static Path builtJar(String property, String module) {
        Path jar = Path.of(System.getProperty(property, module + "/target/" + module + ".jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it (./mvnw -pl " + module + " -am package"
                    + " -DskipTests) or give -D" + property + "=...");
        }
        return jar;
    }

    /**
     * The jar as Boot's own tools extract it ({@code java -Djarmode=tools -jar app.jar extract}): the application's
     * jar with its libraries beside it in {@code lib/}, on a plain class path. Returns the extracted application jar.
     */
    static Path extract(Path jar, Path destination) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(BootScenario.nullDevice())).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("java -Djarmode=tools -jar " + jar + " extract failed");
        }
        Path extracted = destination.resolve(jar.getFileName());
        if (!Files.isRegularFile(extracted)) {
            throw new IllegalStateException(jar + " extracted without " + extracted);
        }
        return extracted;
    }

    /** Runs {@code java -jar demo.jar <words>} on the database; the process's wall time, in nanoseconds. */
    private static long run(Path jar, Target.Db db, Target target, Path runDir, Command command) throws Exception {
        return runJar(jar, db, target, runDir, command.label(), command.words(), command.expected());
    }

    /**
     * Runs {@code java -jar <jar> <words>} on the database in {@code runDir}, checks that it exits 0 having printed
     * the line {@code expected}, and returns the process's wall time, in nanoseconds.
     */
    static long runJar(Path jar, Target.Db db, Target target, Path runDir, String label, List<String> words,
                       String expected) throws Exception {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(List.of("-Xms512m", "-Xmx512m", "-jar", jar.toString()));
        line.addAll(words);
        line.add("--spring.datasource.url=" + db.jdbcUrl());
        if (db.user() != null) {
            line.add("--spring.datasource.username=" + db.user());
        }
        Path out = runDir.resolve("out.txt");
        Path err = runDir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(line).directory(runDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(BootScenario.nullDevice()));
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(label + " did not exit within " + TIMEOUT_MINUTES + " minutes");
        }
        long wall = System.nanoTime() - start;
        List<String> printed = read(out);
        if (process.exitValue() != 0 || !printed.contains(expected)) {
            throw new IllegalStateException(label + " on " + target.name() + " exited with "
                    + process.exitValue() + ", expected the line '" + expected + "':\n"
                    + String.join("\n", printed) + "\n" + String.join("\n", read(err)));
        }
        return wall;
    }

    private static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
