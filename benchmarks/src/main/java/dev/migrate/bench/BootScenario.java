package dev.migrate.bench;

import dev.migrate.bench.boot.BootApp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario "boot" (issue 6, 1): a whole Spring Boot application start with each starter, on a database at head
 * with N one-DDL revisions. Every sample is a fresh JVM (the harness's {@code java}, {@code -Xms512m -Xmx512m})
 * running {@link BootApp} with a class path of its own ({@link BootClasspaths}): the floor (auto-configuration
 * and a DataSource only), this project's starter, {@code spring-boot-starter-flyway} and
 * {@code spring-boot-starter-liquibase}, each with its defaults and its scripts at its default classpath location
 * (a directory on the class path: {@code db/migrations}, {@code db/migration}, and for Liquibase
 * {@code db/changelog/changelog.sql}, named by {@code spring.liquibase.change-log}). Each database is brought to
 * head beforehand by its tool through its Java API (untimed; on SQLite with {@code synchronous=OFF}), with the
 * same scripts and, for Liquibase, the same changelog path as the application's, so that the application finds
 * everything applied. Then one warm-up round (page cache; on the first database only) and the measured rounds:
 * in each round the four applications in turn, so that a change of load spreads over all of them. Two figures
 * per start: JVM start to {@code ApplicationReadyEvent} (the JVM's uptime, as the application reports it) and
 * the process's wall time (from starting it to its exit, as the harness sees
 * it). Checked: the application sees its own tool's classes and bean and no other tool's, and the history tables
 * hold the same N rows before and after the measured starts (nothing was migrated again).
 */
public final class BootScenario implements Scenario {

    static final String READY = " (JVM start to ready)";
    static final String WALL = " (process wall time)";
    static final String FLOOR = "floor: DataSource only, no migration starter";
    static final String MIGRATE = "migrate-spring-boot-starter, upgrade at head";
    static final String FLYWAY = "spring-boot-starter-flyway";
    static final String LIQUIBASE = "spring-boot-starter-liquibase";

    static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m",
            // as in the harness: no analytics call to the network, no banner (a real application may have them)
            "-Dliquibase.analytics.enabled=false", "-Dliquibase.showBanner=false");

    /**
     * More options for every application's JVM, separated by spaces, e.g. to profile them:
     * {@code JAVA_OPTS='-Dmigrate.bench.boot.jvm-options=-XX:StartFlightRecording=filename=/tmp/boot-%p.jfr'}
     * ({@code %p}: the process id). {@code JAVA_OPTS} alone reaches only the harness's JVM.
     */
    static final String EXTRA_JVM_OPTIONS = "migrate.bench.boot.jvm-options";

    /** Where the Liquibase application finds its changelog on its class path, and the path Liquibase records. */
    static final String CHANGELOG = "db/changelog/" + Chain.CHANGELOG;

    private static final Pattern REPORT = Pattern.compile(Pattern.quote(BootApp.MARK)
            + " ready-ms=(\\d+) run-ms=(-?\\d+) classes=(\\S*) beans=(\\S*)");
    private static final long TIMEOUT_MINUTES = 5;

    @Override
    public String name() {
        return "boot";
    }

    @Override
    public String description() {
        return "a Spring Boot application started in a fresh JVM with each starter, database at head, SQLite and PostgreSQL";
    }

    /** One application: its class path, its database, what it prints. */
    record Launch(BootClasspaths.App app, String label, List<Path> classPath, Target.Db db, Path output,
                          Path workDir) {
    }

    /** One start: the application's own figure and the wall time the harness saw. */
    record Sample(long readyMillis, long wallNanos) {
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        int count = settings.peers().revisions();
        BootClasspaths classpaths = BootClasspaths.load();
        Path appClasses = copyAppClass(workDir.resolve("app-classes"));
        Path resources = workDir.resolve("resources");
        Chain.Written chain = Chain.write(resources.resolve("migrate/db/migrations"),
                resources.resolve("flyway/db/migration"), resources.resolve("liquibase/db/changelog"), Chain.ddl(count));
        List<Result> results = new ArrayList<>();
        for (Target target : Target.available(workDir.resolve("db"), true, System.out)) {
            String scenario = name() + "/" + target.name();
            try (Target.Db floorDb = target.create(); Target.Db migrateDb = target.create();
                 Target.Db flywayDb = target.create(); Target.Db liquibaseDb = target.create()) {
                List<Launch> launches = List.of(
                        launch(BootClasspaths.App.FLOOR, FLOOR, classpaths, appClasses, null, floorDb, workDir),
                        launch(BootClasspaths.App.MIGRATE, MIGRATE, classpaths, appClasses, resources.resolve("migrate"),
                                migrateDb, workDir),
                        launch(BootClasspaths.App.FLYWAY, FLYWAY, classpaths, appClasses, resources.resolve("flyway"),
                                flywayDb, workDir),
                        launch(BootClasspaths.App.LIQUIBASE, LIQUIBASE, classpaths, appClasses,
                                resources.resolve("liquibase"), liquibaseDb, workDir));
                long prepare = System.nanoTime();
                Tools.migrateUpgrade(migrateDb.setupDataSource(), chain.migrateDir());
                Tools.flywayMigrate(flywayDb.setupDataSource(), chain.flywayDir());
                Tools.liquibaseUpdate(liquibaseDb.setupDataSource(), resources.resolve("liquibase"), CHANGELOG);
                long[] history = {0, history(migrateDb, chain, "migrate"), history(flywayDb, chain, "flyway"),
                        history(liquibaseDb, chain, "liquibase")};
                System.out.printf(Locale.ROOT, "  %s: %,d revisions applied by each tool in %.0f s (untimed)%n",
                        target.name(), count, (System.nanoTime() - prepare) / 1e9);
                // one round to warm the page cache (jars, scripts), on the first database only: it serves both
                for (int i = 0; i < (results.isEmpty() ? settings.peers().heavyWarmups() : 0); i++) {
                    for (Launch launch : launches) {
                        start(launch);
                    }
                }
                int iterations = settings.peers().bootIterations();
                long[][] ready = new long[launches.size()][iterations];
                long[][] wall = new long[launches.size()][iterations];
                for (int i = 0; i < iterations; i++) {
                    for (int l = 0; l < launches.size(); l++) {
                        Sample sample = start(launches.get(l));
                        ready[l][i] = sample.readyMillis() * 1_000_000L;
                        wall[l][i] = sample.wallNanos();
                    }
                }
                for (int l = 1; l < launches.size(); l++) {
                    long after = history(launches.get(l).db(), chain, launches.get(l).app().tool());
                    if (after != history[l]) {
                        throw new IllegalStateException(launches.get(l).label() + ": history went from " + history[l]
                                + " to " + after + " rows during the measured starts");
                    }
                }
                results.addAll(rows(scenario + READY, launches, ready, count));
                results.addAll(rows(scenario + WALL, launches, wall, count));
            }
        }
        return results;
    }

    private static List<Result> rows(String scenario, List<Launch> launches, long[][] nanos, int count) {
        Measure.Samples floor = new Measure.Samples(nanos[0]);
        List<Result> rows = new ArrayList<>();
        for (int l = 0; l < launches.size(); l++) {
            BootClasspaths.App app = launches.get(l).app();
            String subject = app == BootClasspaths.App.FLOOR ? "jdbc" : app.tool();
            rows.add(Result.of(scenario, subject, launches.get(l).label(), count, new Measure.Samples(nanos[l]),
                    floor.medianMillis()));
        }
        return rows;
    }

    static Launch launch(BootClasspaths.App app, String label, BootClasspaths classpaths, Path appClasses,
                                 Path resources, Target.Db db, Path workDir) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(appClasses);
        if (resources != null) {
            classPath.add(resources);
        }
        classPath.addAll(classpaths.of(app));
        return new Launch(app, label, classPath, db, workDir.resolve("out-" + app.name().toLowerCase(Locale.ROOT) + ".txt"),
                workDir);
    }

    /** Starts the application in a JVM of its own, waits for its exit and checks what it reported. */
    static Sample start(Launch launch) throws Exception {
        String url = launch.db().jdbcUrl();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        String extra = System.getProperty(EXTRA_JVM_OPTIONS, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, launch.classPath().stream().map(Path::toString).toList()));
        command.add(BootApp.class.getName());
        command.add("--spring.datasource.url=" + url);
        if (launch.db().user() != null) {
            command.add("--spring.datasource.username=" + launch.db().user());
        }
        command.add("--spring.main.banner-mode=off");
        command.add("--logging.level.root=warn");
        if (launch.app() == BootClasspaths.App.LIQUIBASE) {
            command.add("--spring.liquibase.change-log=classpath:" + CHANGELOG);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workDir().toFile())
                .redirectErrorStream(true).redirectOutput(launch.output().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(launch.label() + " did not exit within " + TIMEOUT_MINUTES + " minutes");
        }
        long wall = System.nanoTime() - start;
        String output = Files.readString(launch.output(), StandardCharsets.UTF_8);
        Matcher report = REPORT.matcher(output);
        if (process.exitValue() != 0 || !report.find()) {
            throw new IllegalStateException(launch.label() + " exited with " + process.exitValue() + ":\n" + tail(output));
        }
        String tool = launch.app().tool();
        if (!report.group(3).equals(tool) || !report.group(4).equals(tool)) {
            throw new IllegalStateException(launch.label() + " saw tool classes [" + report.group(3) + "] and beans ["
                    + report.group(4) + "], expected [" + tool + "]");
        }
        return new Sample(Long.parseLong(report.group(1)), wall);
    }

    /** The applied revisions in the tool's history table, which must be all N of the chain. */
    static long history(Target.Db db, Chain.Written chain, String tool) throws Exception {
        String sql = switch (tool) {
            case "migrate" -> "SELECT count(*) FROM alembic_version WHERE version_num = '" + chain.head() + "'";
            case "flyway" -> "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL";
            case "liquibase" -> "SELECT count(*) FROM databasechangelog";
            default -> throw new IllegalArgumentException(tool);
        };
        long expected = tool.equals("migrate") ? 1 : chain.size();
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            long found = rows.getLong(1);
            if (found != expected) {
                throw new IllegalStateException(tool + ": " + found + " rows in its history, expected " + expected);
            }
            return found;
        }
    }

    /** {@link BootApp}'s one class file, alone in a directory: the application's own class path entry. */
    static Path copyAppClass(Path dir) throws IOException {
        String resource = BootApp.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(resource);
        Files.createDirectories(file.getParent());
        try (InputStream in = BootApp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            Files.copy(in, file);
        }
        return dir;
    }

    static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }
}
