package dev.migrate.bench;

import dev.migrate.runtime.RunResult;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario "fresh" (issue 6, 2): an empty database brought to head through N one-DDL revisions plus one
 * revision creating a table and inserting {@code bulkRows} rows (multi-row INSERTs of 1,000 rows), by each
 * tool with its defaults (a transaction per revision), against the floor: the same statements over plain
 * JDBC on one connection, one transaction per revision with one version UPDATE. A fresh database per
 * iteration (creation and deletion untimed); every run is checked to have inserted all rows. SQLite runs
 * with {@code synchronous=OFF} (with the driver's defaults every commit pays an fsync, which scenario
 * "apply" shows drowns everything else), PostgreSQL and MariaDB as the test servers run them ({@code fsync=off};
 * {@code innodb-flush-log-at-trx-commit=0}). MariaDB's DDL is not transactional: there each tool's "transaction per
 * revision" holds only its bookkeeping.
 */
public final class FreshApplyScenario implements Scenario {

    static final String FLOOR = "floor: JDBC, 1 tx + 1 UPDATE/revision";
    static final String UPGRADE = "Migrate.upgrade(\"head\")";
    static final String FLYWAY = "Flyway migrate()";
    static final String LIQUIBASE = "Liquibase update";

    @Override
    public String name() {
        return "fresh";
    }

    @Override
    public String description() {
        return "empty database to head: N one-DDL revisions + one seeding revision, SQLite, PostgreSQL and MariaDB";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        int count = settings.peers().revisions();
        int rows = settings.peers().bulkRows();
        List<List<String>> revisions = new ArrayList<>(Chain.ddl(count));
        revisions.add(Chain.bulk(rows));
        Chain.Written chain = Chain.write(workDir.resolve("scripts"), revisions);
        Settings measure = Peers.heavy(settings);
        List<Result> results = new ArrayList<>();
        for (Target target : Target.availableWithMariaDb(workDir.resolve("db"), false, System.out)) {
            String scenario = name() + "/" + target.name();
            Apply jdbc = ds -> Tools.jdbcApply(ds, chain);
            Apply migrate = ds -> {
                RunResult result = Tools.migrateUpgrade(ds, chain.migrateDir());
                if (result.steps().size() != chain.size()) {
                    throw new IllegalStateException("upgrade ran " + result.steps().size() + " steps");
                }
            };
            Apply flyway = ds -> {
                int executed = Tools.flywayMigrate(ds, chain.flywayDir());
                if (executed != chain.size()) {
                    throw new IllegalStateException("Flyway ran " + executed + " migrations");
                }
            };
            Apply liquibase = ds -> Tools.liquibaseUpdate(ds, chain.liquibaseDir());
            Measure.Samples floor = Measure.run(measure, fresh(target, rows, jdbc));
            Measure.Samples upgrade = Measure.run(measure, fresh(target, rows, migrate));
            Measure.Samples flywaySamples = Measure.run(measure, fresh(target, rows, flyway));
            Measure.Samples liquibaseSamples = Measure.run(measure, fresh(target, rows, liquibase));
            double floorMs = floor.medianMillis();
            int size = chain.size();
            boolean counted = settings.peers().countStatements();
            results.add(Result.of(scenario, "jdbc", FLOOR + statements(counted, target, jdbc), size, floor, floorMs));
            results.add(Result.of(scenario, "migrate", UPGRADE + statements(counted, target, migrate), size, upgrade,
                    floorMs));
            results.add(Result.of(scenario, "flyway", FLYWAY + statements(counted, target, flyway), size, flywaySamples,
                    floorMs));
            results.add(Result.of(scenario, "liquibase", LIQUIBASE + statements(counted, target, liquibase), size,
                    liquibaseSamples, floorMs));
        }
        return results;
    }

    /**
     * One more run, untimed, through a {@link RecordingDataSource}: the statements the tool executed and the
     * metadata queries it made, e.g. {@code " [2,618 stmts]"}; the per-revision bookkeeping shows there.
     */
    static String statements(boolean count, Target target, Apply apply) throws Exception {
        if (!count) {
            return "";
        }
        try (Target.Db db = target.create()) {
            RecordingDataSource recording = new RecordingDataSource(db.dataSource());
            apply.to(recording.dataSource());
            return String.format(java.util.Locale.ROOT, " [%,d stmts]", recording.queries());
        }
    }

    interface Apply {
        void to(DataSource dataSource) throws Exception;
    }

    /** One iteration: a fresh database (untimed), the timed apply, the row check and the deletion (untimed). */
    static Measure.TimedIteration fresh(Target target, int rows, Apply apply) {
        return () -> {
            try (Target.Db db = target.create()) {
                long start = System.nanoTime();
                apply.to(db.dataSource());
                long elapsed = System.nanoTime() - start;
                try (Connection connection = db.dataSource().getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery("SELECT count(*) FROM bulk")) {
                    count.next();
                    if (count.getInt(1) != rows) {
                        throw new IllegalStateException("bulk holds " + count.getInt(1) + " rows, not " + rows);
                    }
                }
                return elapsed;
            }
        };
    }
}
