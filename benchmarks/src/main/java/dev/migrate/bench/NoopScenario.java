package dev.migrate.bench;

import dev.migrate.command.MigrationStatus;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario "noop" (issue 6, 1): boot with nothing to do. A linear chain of N one-DDL revisions, already
 * applied (untimed) to one database per tool; timed is what each tool does at every application start
 * when the database is at head, from "start migrating" (building the tool's object) to "ready":
 * {@code new Migrate(config).upgrade("head")} and {@code status()}; Flyway's
 * {@code configure()...load().migrate()} (default settings, so it validates the checksums of every applied
 * script), built afresh per call as an application start builds it, and for information {@code migrate()} of one
 * Flyway object held across calls; Liquibase's {@code update} command. Floor: read the version table and list the
 * script directory. On SQLite files (driver defaults), on PostgreSQL and on MariaDB.
 */
public final class NoopScenario implements Scenario {

    static final String FLOOR = "floor: read version table + list scripts";
    static final String HEADERS = "  floor + read 8 header lines/script";
    static final String UPGRADE = "Migrate.upgrade(\"head\") at head";
    static final String STATUS = "Migrate.status()";
    static final String FLYWAY = "Flyway migrate() at head";
    static final String FLYWAY_HELD = "  Flyway migrate() at head, one Flyway object held";
    static final String LIQUIBASE = "Liquibase update at head";
    static final String JAR_FLOOR = "floor: read version table + list the jar's scripts";
    static final String JAR_UPGRADE = "Migrate.upgrade(\"head\"), scripts in a jar";
    static final String JAR_INDEXED = "Migrate.upgrade(\"head\"), jar with script index";

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public String description() {
        return "database already at head: the startup cost of each tool, SQLite, PostgreSQL and MariaDB";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        int count = settings.peers().revisions();
        Chain.Written chain = Chain.write(workDir.resolve("scripts"), Chain.ddl(count));
        Settings measure = Peers.lightAlike(settings);
        List<Result> results = new ArrayList<>();
        for (Target target : Target.availableWithMariaDb(workDir.resolve("db"), true, System.out)) {
            String scenario = name() + "/" + target.name();
            try (Target.Db migrateDb = target.create(); Target.Db flywayDb = target.create();
                 Target.Db liquibaseDb = target.create();
                 PackagedScripts jar = PackagedScripts.of(chain.migrateDir(), workDir.resolve(target.name() + ".jar"), false);
                 PackagedScripts indexed = PackagedScripts.of(chain.migrateDir(),
                         workDir.resolve(target.name() + "-indexed.jar"), true)) {
                Tools.migrateUpgrade(migrateDb.setupDataSource(), chain.migrateDir());
                Tools.flywayMigrate(flywayDb.setupDataSource(), chain.flywayDir());
                Tools.liquibaseUpdate(liquibaseDb.setupDataSource(), chain.liquibaseDir());

                Measure.Samples floor = Measure.run(measure, Measure.whole(
                        () -> Tools.jdbcReadVersionAndList(migrateDb.dataSource(), chain.migrateDir())));
                Measure.Samples headers = Measure.run(measure, Measure.whole(
                        () -> Tools.jdbcReadVersionAndHeaders(migrateDb.dataSource(), chain.migrateDir())));
                Measure.Samples upgrade = Measure.run(measure, Measure.whole(
                        () -> Tools.migrateUpgradeAtHead(migrateDb.dataSource(), chain)));
                Measure.Samples status = Measure.run(measure, Measure.whole(() -> {
                    MigrationStatus result = Tools.migrate(migrateDb.dataSource(), chain.migrateDir()).status();
                    return result;
                }));
                Measure.Samples flyway = Measure.run(measure, Measure.whole(
                        () -> flywayAtHead(Tools.flyway(flywayDb.dataSource(), chain.flywayDir()))));
                Flyway held = Tools.flyway(flywayDb.dataSource(), chain.flywayDir());
                Measure.Samples flywayHeld = Measure.run(measure, Measure.whole(() -> flywayAtHead(held)));
                Measure.Samples liquibase = Measure.run(measure, Measure.whole(() -> {
                    Tools.liquibaseUpdate(liquibaseDb.dataSource(), chain.liquibaseDir());
                    return liquibaseDb;
                }));
                // the startup check as a packaged application runs it (issue 16): its own floor lists the jar
                Measure.Samples jarFloor = Measure.run(measure, Measure.whole(
                        () -> jar.readVersionAndList(migrateDb.dataSource())));
                Measure.Samples jarUpgrade = Measure.run(measure, Measure.whole(
                        () -> jar.upgradeAtHead(migrateDb.dataSource(), chain.head())));
                Measure.Samples jarIndexed = Measure.run(measure, Measure.whole(
                        () -> indexed.upgradeAtHead(migrateDb.dataSource(), chain.head())));
                double floorMs = floor.medianMillis();
                results.add(Result.of(scenario, "jdbc", FLOOR, count, floor, floorMs));
                results.add(Result.of(scenario, "io", HEADERS, count, headers, floorMs));
                results.add(Result.of(scenario, "migrate", UPGRADE, count, upgrade, floorMs));
                results.add(Result.of(scenario, "migrate", STATUS, count, status, floorMs));
                results.add(Result.of(scenario, "flyway", FLYWAY, count, flyway, floorMs));
                results.add(Result.of(scenario, "flyway", FLYWAY_HELD, count, flywayHeld, floorMs));
                results.add(Result.of(scenario, "liquibase", LIQUIBASE, count, liquibase, floorMs));
                double jarFloorMs = jarFloor.medianMillis();
                results.add(Result.of(scenario, "jdbc", JAR_FLOOR, count, jarFloor, jarFloorMs));
                results.add(Result.of(scenario, "migrate", JAR_UPGRADE, count, jarUpgrade, jarFloorMs));
                results.add(Result.of(scenario, "migrate", JAR_INDEXED, count, jarIndexed, jarFloorMs));
            }
        }
        return results;
    }

    /** {@code migrate()}, checked to have run nothing. */
    private static int flywayAtHead(Flyway flyway) {
        int executed = flyway.migrate().migrationsExecuted;
        if (executed != 0) {
            throw new IllegalStateException("Flyway was not at head: " + executed + " migrations run");
        }
        return executed;
    }
}
