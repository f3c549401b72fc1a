package dev.migrate.bench;

import dev.migrate.command.Migrate;
import dev.migrate.runtime.RunResult;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scenario "memory" (issue 6, 5): the heap a tool keeps after its startup check on a database already at
 * head with N revisions (SQLite). Per sample: used heap after {@code System.gc()} (repeated until it
 * settles), the tool built and run ({@code new Migrate(config)} + {@code upgrade("head")}, as the starter's
 * bean keeps it; {@code Flyway} + {@code migrate()}; Liquibase's {@code update}, whose command objects are
 * not kept, so what stays is its static caches), then used heap after GC again with the tool's object still
 * reachable: the difference, in KB. Each tool runs once first (untimed) so that one-time class initialisation
 * is not counted. Also, per tool, the bytes its startup check allocates in all (the calling thread's
 * allocation counter, {@code com.sun.management.ThreadMXBean}): garbage, but GC work at every start. For
 * scale, a row with the size of the scripts on disk.
 */
public final class MemoryScenario implements Scenario {

    static final String FILES = "for scale: the scripts on disk";
    static final String MIGRATE = "retained: Migrate + upgrade(\"head\") at head";
    static final String FLYWAY = "retained: Flyway + migrate() at head";
    static final String LIQUIBASE = "retained: Liquibase update at head";

    static final String ALLOC_MIGRATE = "allocated: Migrate + upgrade(\"head\") at head";
    static final String ALLOC_FLYWAY = "allocated: Flyway + migrate() at head (x = over Migrate)";
    static final String ALLOC_LIQUIBASE = "allocated: Liquibase update at head (x = over Migrate)";

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "heap retained after the startup check at head (SQLite), KB";
    }

    interface Startup {
        Object run() throws Exception;
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        int count = settings.peers().revisions();
        Chain.Written chain = Chain.write(workDir.resolve("scripts"), Chain.ddl(count));
        Target target = Target.sqlite(workDir.resolve("db"), true);
        int samples = settings.applyIterations();
        List<Result> results = new ArrayList<>();
        String scenario = name() + "/sqlite";
        long bytes;
        try (Stream<Path> files = Files.list(chain.migrateDir())) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        results.add(Result.ofValues(scenario, "io", FILES, count, new double[] {bytes / 1024.0}, Double.NaN, "KB"));
        try (Target.Db migrateDb = target.create(); Target.Db flywayDb = target.create();
             Target.Db liquibaseDb = target.create()) {
            Tools.migrateUpgrade(migrateDb.setupDataSource(), chain.migrateDir());
            Tools.flywayMigrate(flywayDb.setupDataSource(), chain.flywayDir());
            Tools.liquibaseUpdate(liquibaseDb.setupDataSource(), chain.liquibaseDir());
            Startup migrate = () -> {
                Migrate engine = Tools.migrate(migrateDb.dataSource(), chain.migrateDir());
                RunResult result = engine.upgrade("head");
                return new Object[] {engine, result};
            };
            Startup flyway = () -> {
                Flyway tool = Tools.flyway(flywayDb.dataSource(), chain.flywayDir());
                return new Object[] {tool, tool.migrate()};
            };
            Startup liquibase = () -> {
                Tools.liquibaseUpdate(liquibaseDb.dataSource(), chain.liquibaseDir());
                return null;
            };
            results.add(Result.ofValues(scenario, "migrate", MIGRATE, count, retained(samples, migrate), Double.NaN, "KB"));
            results.add(Result.ofValues(scenario, "flyway", FLYWAY, count, retained(samples, flyway), Double.NaN, "KB"));
            results.add(Result.ofValues(scenario, "liquibase", LIQUIBASE, count, retained(samples, liquibase), Double.NaN,
                    "KB"));
            double[] migrateAllocated = allocated(samples, migrate);
            double migrateMedian = Result.ofValues(scenario, "", "", count, migrateAllocated, Double.NaN, "KB").medianMs();
            results.add(Result.ofValues(scenario, "migrate", ALLOC_MIGRATE, count, migrateAllocated, Double.NaN, "KB"));
            results.add(Result.ofValues(scenario, "flyway", ALLOC_FLYWAY, count, allocated(samples, flyway), migrateMedian,
                    "KB"));
            results.add(Result.ofValues(scenario, "liquibase", ALLOC_LIQUIBASE, count, allocated(samples, liquibase),
                    migrateMedian, "KB"));
        }
        return results;
    }

    /** One warm-up run, then {@code samples} measurements of the heap kept while the result is reachable. */
    static double[] retained(int samples, Startup startup) throws Exception {
        Measure.sink += System.identityHashCode(startup.run());
        double[] kb = new double[samples];
        for (int i = 0; i < samples; i++) {
            long before = usedAfterGc();
            Object kept = startup.run();
            long after = usedAfterGc();
            Measure.sink += System.identityHashCode(kept);
            kb[i] = Math.max(0, after - before) / 1024.0;
            kept = null;
        }
        return kb;
    }

    /** Bytes allocated by this thread during each of {@code samples} runs, in KB. */
    static double[] allocated(int samples, Startup startup) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double[] kb = new double[samples];
        for (int i = 0; i < samples; i++) {
            long before = threads.getThreadAllocatedBytes(thread);
            Measure.sink += System.identityHashCode(startup.run());
            kb[i] = (threads.getThreadAllocatedBytes(thread) - before) / 1024.0;
        }
        return kb;
    }

    static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (Math.abs(now - used) < 16 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
