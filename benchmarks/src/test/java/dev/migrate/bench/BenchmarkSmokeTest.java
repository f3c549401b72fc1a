package dev.migrate.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every scenario once at a tiny size: the harness works and yields rows. Never asserts a timing. */
class BenchmarkSmokeTest {

    @Test
    void graphScenarioYieldsOneRowPerCase() throws Exception {
        List<Result> results = BenchmarkMain.run(new GraphScenario(), Settings.smoke());

        assertThat(results).extracting(Result::measured).containsExactly(GraphScenario.FLOOR, GraphScenario.LOAD,
                GraphScenario.BUILD, GraphScenario.UPGRADE, GraphScenario.DOWNGRADE, GraphScenario.HISTORY);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.revisions()).isEqualTo(50);
            assertThat(r.medianMs()).isNotNegative();
        });
        assertThat(BenchmarkMain.table(results)).contains(GraphScenario.LOAD);
    }

    @Test
    void applyScenarioYieldsFloorAndEngineRows() throws Exception {
        List<Result> results = BenchmarkMain.run(new ApplyScenario(), Settings.smoke());

        assertThat(results).extracting(Result::measured).containsExactly(ApplyScenario.FLOOR, ApplyScenario.UPGRADE,
                ApplyScenario.FLOOR + ApplyScenario.NO_SYNC, ApplyScenario.UPGRADE + ApplyScenario.NO_SYNC);
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(10));
    }

    /**
     * The side-by-side scenarios: each yields its rows (on PostgreSQL too when the shared server starts here, and on
     * MariaDB, whose server the suite starts from Debian's package as its MariaDB tests do).
     */
    @Test
    void noopScenarioYieldsARowPerToolAndDatabase() throws Exception {
        List<Result> results = BenchmarkMain.run(new NoopScenario(), Settings.smoke());

        List<String> subjects = List.of("jdbc", "io", "migrate", "migrate", "flyway", "flyway", "liquibase", "jdbc",
                "migrate", "migrate");
        assertThat(results).filteredOn(r -> r.scenario().equals("noop/sqlite")).extracting(Result::subject)
                .containsExactlyElementsOf(subjects);
        assertThat(results).filteredOn(r -> r.scenario().equals("noop/mariadb")).extracting(Result::subject)
                .containsExactlyElementsOf(subjects);
        assertThat(results).filteredOn(r -> r.scenario().equals("noop/sqlite")).extracting(Result::measured)
                .contains(NoopScenario.FLYWAY, NoopScenario.FLYWAY_HELD);
        assertThat(results).filteredOn(r -> r.scenario().equals("noop/sqlite")).extracting(Result::measured)
                .contains(NoopScenario.JAR_FLOOR, NoopScenario.JAR_UPGRADE, NoopScenario.JAR_INDEXED);
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(10));
        assertThat(Peers.summary(results)).contains(NoopScenario.UPGRADE);
    }

    @Test
    void freshApplyScenarioYieldsARowPerToolAndDatabase(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<Result> results = BenchmarkMain.run(new FreshApplyScenario(), Settings.smoke());

        assertThat(results).filteredOn(r -> r.scenario().startsWith("fresh/sqlite")).extracting(Result::subject)
                .containsExactly("jdbc", "migrate", "flyway", "liquibase");
        assertThat(results).filteredOn(r -> r.scenario().equals("fresh/mariadb")).extracting(Result::subject)
                .containsExactly("jdbc", "migrate", "flyway", "liquibase");
        assertThat(FreshApplyScenario.statements(true, Target.sqlite(tmp, false), ds -> { })).contains(" stmts]");
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(11));
    }

    @Test
    void fleetScenarioYieldsARowPerParallelism() throws Exception {
        List<Result> results = BenchmarkMain.run(new FleetScenario(), Settings.smoke());

        assertThat(results).extracting(Result::measured).containsExactly(FleetScenario.measured(1, 3, 3),
                FleetScenario.measured(2, 3, 3), FleetScenario.measured(4, 3, 3));
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(9));
        assertThat(results.get(0).ratio()).isEqualTo(1.0);
    }

    /** On MariaDB the tables come from the revision the engine autogenerates: the check is a round trip there. */
    @Test
    void autogenerateScenarioYieldsRowsOnMariaDbAndWhenPostgresIsHere() throws Exception {
        List<Result> results = BenchmarkMain.run(new AutogenerateScenario(), Settings.smoke());

        assertThat(results).filteredOn(r -> r.scenario().equals("autogen/mariadb")).extracting(Result::subject)
                .containsExactly("jdbc", "migrate", "migrate");
        assertThat(results).hasSizeBetween(3, 6).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(4));
    }

    @Test
    void rebuildAndMemoryScenariosYieldRows() throws Exception {
        assertThat(BenchmarkMain.run(new RebuildScenario(), Settings.smoke())).extracting(Result::subject)
                .containsExactly("jdbc", "migrate");
        List<Result> memory = BenchmarkMain.run(new MemoryScenario(), Settings.smoke());
        assertThat(memory).hasSize(7).allSatisfy(r -> assertThat(r.unit()).isEqualTo("KB"));
        assertThat(BenchmarkMain.table(memory)).contains(MemoryScenario.MIGRATE);
    }

    /** The generated entities and records compile, their tables are created, and each check finds them up to date. */
    @Test
    void entitiesScenarioYieldsARowPerCaseAndDatabase() throws Exception {
        List<Result> results = BenchmarkMain.run(new EntitiesScenario(), Settings.smoke());

        assertThat(results).filteredOn(r -> r.scenario().equals("entities/sqlite")).extracting(Result::measured)
                .hasSize(8).allSatisfy(measured -> assertThat(measured).doesNotContain("(0 queries)"))
                .anySatisfy(measured -> assertThat(measured).startsWith(EntitiesScenario.ENTITIES))
                .anySatisfy(measured -> assertThat(measured).startsWith(EntitiesScenario.KEPT))
                .anySatisfy(measured -> assertThat(measured).startsWith(EntitiesScenario.RECORDS))
                .contains(EntitiesScenario.BUILD_METAMODEL, EntitiesScenario.READ_RECORDS, EntitiesScenario.TRANSLATE);
        assertThat(results.size()).as("SQLite, and PostgreSQL when its server starts here").isIn(8, 16);
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(4));
    }

    @Test
    void peersGraphScenarioYieldsARowPerCase() throws Exception {
        List<Result> results = BenchmarkMain.run(new PeerGraphScenario(), Settings.smoke());

        assertThat(results).extracting(Result::subject)
                .containsExactly("io", "migrate", "migrate", "migrate", "flyway", "liquibase");
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(10));
        assertThat(Peers.summary(results)).contains(PeerGraphScenario.STATUS);
    }

    /** Each application is a JVM of its own: on SQLite, and on PostgreSQL when the shared server starts here. */
    @Test
    void bootScenarioYieldsARowPerApplicationAndFigure() throws Exception {
        List<Result> results = BenchmarkMain.run(new BootScenario(), Settings.smoke());

        assertThat(results).filteredOn(r -> r.scenario().equals("boot/sqlite" + BootScenario.READY))
                .extracting(Result::measured)
                .containsExactly(BootScenario.FLOOR, BootScenario.MIGRATE, BootScenario.FLYWAY, BootScenario.LIQUIBASE);
        assertThat(results).filteredOn(r -> r.scenario().equals("boot/sqlite" + BootScenario.WALL)).hasSize(4);
        assertThat(results).allSatisfy(r -> assertThat(r.revisions()).isEqualTo(10));
    }

    /** No tool's classes on another's class path; the floor has none. */
    @Test
    void bootClassPathsHoldOneToolEach() throws Exception {
        BootClasspaths classpaths = BootClasspaths.load();

        assertThat(names(classpaths.of(BootClasspaths.App.FLOOR))).contains("spring-boot-starter-jdbc", "HikariCP",
                "sqlite-jdbc", "postgresql").noneMatch(n -> n.startsWith("migrate-") || n.startsWith("flyway")
                || n.startsWith("liquibase") || n.startsWith("spring-boot-flyway") || n.startsWith("spring-boot-liquibase"));
        assertThat(names(classpaths.of(BootClasspaths.App.MIGRATE))).contains("migrate-spring-boot-autoconfigure",
                "migrate-core").noneMatch(n -> n.contains("flyway") || n.contains("liquibase"));
        assertThat(names(classpaths.of(BootClasspaths.App.FLYWAY))).contains("spring-boot-flyway", "flyway-core",
                "flyway-database-postgresql").noneMatch(n -> n.startsWith("migrate-") || n.contains("liquibase"));
        assertThat(names(classpaths.of(BootClasspaths.App.LIQUIBASE))).contains("spring-boot-liquibase",
                "liquibase-core", "snakeyaml").noneMatch(n -> n.startsWith("migrate-") || n.contains("flyway"));
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(jar -> jar.getFileName().toString().replaceFirst("-\\d.*", "")).toList();
    }

    @Test
    void everyScenarioIsListedOnceByName() {
        assertThat(BenchmarkMain.scenarios()).extracting(Scenario::name).doesNotHaveDuplicates()
                .contains("graph", "apply", "noop", "fresh", "autogen", "rebuild", "memory", "peers-graph", "boot", "entities");
    }

    @Test
    void generatedTreeHasAMergeEveryTwentyRevisions(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ScriptTree.Written tree = ScriptTree.write(dir, 200, 20);

        assertThat(tree.size()).isEqualTo(200);
        assertThat(tree.merges()).isBetween(8, 10);
        assertThat(GraphScenario.load(dir).heads()).hasSize(1);
    }
}
