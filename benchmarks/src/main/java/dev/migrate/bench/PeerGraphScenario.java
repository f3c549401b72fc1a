package dev.migrate.bench;

import dev.migrate.command.MigrationStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario "peers-graph" (issue 6, 5): the {@code graph} scenario's question asked of the peers. A linear chain
 * of N one-DDL revisions (1,000 and 10,000), applied once per tool and size (untimed) to a SQLite file of its
 * own; timed is each tool reading all its scripts and its history table and reporting what is pending (nothing):
 * this project's {@code Migrate.status()} (loads every header, builds the graph, reads the version and log
 * tables, reads and checksums every script body for its drift report), Flyway's {@code info()} (resolves every
 * migration, reading each script whole for its checksum, and merges them with the schema history table) and
 * Liquibase's {@code status} command (parses the one formatted-SQL changelog of N changesets, reads
 * {@code DATABASECHANGELOG}, lists the changesets not run). For information also this project's
 * {@code upgrade("head")} at head (headers only, what the starter does at startup) and its loading alone
 * ({@code ScriptLoader} + {@code RevisionGraph.of}, no database). Floor: read the version table, list the
 * directory and read every script whole.
 */
public final class PeerGraphScenario implements Scenario {

    static final String FLOOR = "floor: read version table + every script whole";
    static final String LOAD = "  ScriptLoader + RevisionGraph.of (no database)";
    static final String UPGRADE = "  Migrate.upgrade(\"head\") at head";
    static final String STATUS = "Migrate.status() at head";
    static final String FLYWAY = "Flyway info() at head";
    static final String LIQUIBASE = "Liquibase status at head";

    /** Above this many revisions a case runs the heavy settings (1 warm-up + 3 measured at full size). */
    private static final int LIGHT_UP_TO = 2_000;

    @Override
    public String name() {
        return "peers-graph";
    }

    @Override
    public String description() {
        return "N linear scripts read whole and matched with the history, database at head (SQLite)";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        List<Result> results = new ArrayList<>();
        Target target = Target.sqlite(workDir.resolve("db"), true);
        String scenario = name() + "/sqlite";
        for (int count : settings.peers().graphSizes()) {
            Chain.Written chain = Chain.write(workDir.resolve("scripts-" + count), Chain.ddl(count));
            Settings measure = count <= LIGHT_UP_TO ? Peers.lightAlike(settings) : Peers.heavy(settings);
            try (Target.Db migrateDb = target.create(); Target.Db flywayDb = target.create();
                 Target.Db liquibaseDb = target.create()) {
                long prepare = System.nanoTime();
                Tools.migrateUpgrade(migrateDb.setupDataSource(), chain.migrateDir());
                long flywayStart = System.nanoTime();
                Tools.flywayHistoryAtHead(flywayDb.setupDataSource(), chain.flywayDir());
                long liquibaseStart = System.nanoTime();
                Tools.liquibaseChangelogSync(liquibaseDb.setupDataSource(), chain.liquibaseDir());
                long end = System.nanoTime();
                System.out.printf(java.util.Locale.ROOT, "  %,d revisions at head (untimed): Migrate.upgrade %.0f s,"
                        + " Flyway history %.0f s, Liquibase changelog-sync %.0f s%n", count,
                        (flywayStart - prepare) / 1e9, (liquibaseStart - flywayStart) / 1e9, (end - liquibaseStart) / 1e9);

                Measure.Samples floor = Measure.run(measure, Measure.whole(
                        () -> Tools.jdbcReadVersionAndScripts(migrateDb.dataSource(), chain.migrateDir())));
                Measure.Samples load = Measure.run(measure, Measure.whole(() -> GraphScenario.load(chain.migrateDir())));
                Measure.Samples upgrade = Measure.run(measure, Measure.whole(
                        () -> Tools.migrateUpgradeAtHead(migrateDb.dataSource(), chain)));
                Measure.Samples status = Measure.run(measure, Measure.whole(() -> {
                    MigrationStatus result = Tools.migrate(migrateDb.dataSource(), chain.migrateDir()).status();
                    if (!result.atHead() || result.drifted()) {
                        throw new IllegalStateException("status: not at head, or drifted: " + result.currentHeads());
                    }
                    return result;
                }));
                Measure.Samples flyway = Measure.run(measure, Measure.whole(
                        () -> Tools.flywayInfo(flywayDb.dataSource(), chain.flywayDir(), count)));
                Measure.Samples liquibase = Measure.run(measure, Measure.whole(
                        () -> Tools.liquibaseStatus(liquibaseDb.dataSource(), chain.liquibaseDir())));
                double floorMs = floor.medianMillis();
                results.add(Result.of(scenario, "io", FLOOR, count, floor, floorMs));
                results.add(Result.of(scenario, "migrate", LOAD, count, load, floorMs));
                results.add(Result.of(scenario, "migrate", UPGRADE, count, upgrade, floorMs));
                results.add(Result.of(scenario, "migrate", STATUS, count, status, floorMs));
                results.add(Result.of(scenario, "flyway", FLYWAY, count, flyway, floorMs));
                results.add(Result.of(scenario, "liquibase", LIQUIBASE, count, liquibase, floorMs));
            }
        }
        return results;
    }
}
