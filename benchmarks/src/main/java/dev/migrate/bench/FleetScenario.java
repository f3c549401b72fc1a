package dev.migrate.bench;

import dev.migrate.command.MigrateConfig;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetResult;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.fleet.TargetOutcome;
import dev.migrate.runtime.RunResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario "fleet" (issue 14, 2): the same chain of one-DDL revisions applied to many schemas of one PostgreSQL database
 * (schema-per-tenant), empty schemas to head, by {@link Fleet#upgrade} one target at a time (parallelism 1, the floor)
 * against 2 and 4 at a time; each target under its own advisory lock, on connections of its own (no pool). A fresh
 * database with the empty schemas per iteration (creation untimed); every run is checked to have brought every schema
 * to head through every revision. The revisions column counts the revisions applied in all (schemas x chain).
 */
public final class FleetScenario implements Scenario {

    static final List<Integer> PARALLELISM = List.of(1, 2, 4);

    static String measured(int parallelism, int schemas, int revisions) {
        return String.format(java.util.Locale.ROOT, "Fleet.upgrade, %d at a time (%d schemas x %d rev)", parallelism,
                schemas, revisions);
    }

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public String description() {
        return "many PostgreSQL schemas (schema-per-tenant) to head, one at a time against 2 and 4 at a time";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        Optional<Target> postgres = Target.postgresIfAvailable(System.out);
        if (postgres.isEmpty()) {
            return List.of();
        }
        int schemas = settings.peers().fleetSchemas();
        int revisions = settings.peers().fleetRevisions();
        Chain.Written chain = Chain.write(workDir.resolve("scripts"), Chain.ddl(revisions));
        Settings measure = Peers.heavy(settings);
        List<Result> results = new ArrayList<>();
        double floorMs = Double.NaN;
        for (int parallelism : PARALLELISM) {
            Measure.Samples samples = Measure.run(measure, iteration(postgres.get(), chain, schemas, parallelism));
            floorMs = parallelism == 1 ? samples.medianMillis() : floorMs;
            results.add(Result.of(name() + "/postgresql", parallelism == 1 ? "migrate (floor)" : "migrate",
                    measured(parallelism, schemas, revisions), schemas * revisions, samples, floorMs));
        }
        return results;
    }

    /** One iteration: a fresh database with {@code schemas} empty schemas (untimed), the timed fleet upgrade, the check. */
    private static Measure.TimedIteration iteration(Target target, Chain.Written chain, int schemas, int parallelism) {
        return () -> {
            try (Target.Db db = target.create()) {
                List<String> names = new ArrayList<>();
                try (Connection connection = db.dataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    for (int i = 1; i <= schemas; i++) {
                        String schema = String.format("tenant_%04d", i);
                        statement.addBatch("CREATE SCHEMA " + schema);
                        names.add(schema);
                    }
                    statement.executeBatch();
                }
                MigrateConfig config = MigrateConfig.builder().dataSource(db.dataSource())
                        .scriptDirectory(chain.migrateDir()).build();
                List<FleetTarget> targets = names.stream().map(schema -> FleetTarget.schema(schema, config)).toList();
                long start = System.nanoTime();
                FleetResult<RunResult> result = new Fleet(targets, parallelism).upgrade("heads");
                long elapsed = System.nanoTime() - start;
                check(result, chain);
                return elapsed;
            }
        };
    }

    private static void check(FleetResult<RunResult> result, Chain.Written chain) {
        result.failureSummary().ifPresent(summary -> {
            throw new IllegalStateException(summary);
        });
        for (TargetOutcome<RunResult> outcome : result.outcomes()) {
            RunResult run = ((TargetOutcome.Done<RunResult>) outcome).value();
            if (run.steps().size() != chain.size() || !run.toHeads().equals(List.of(chain.head()))) {
                throw new IllegalStateException(outcome.target() + " ran " + run.steps().size() + " steps to " + run.toHeads());
            }
        }
    }
}
