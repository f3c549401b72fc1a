package dev.migrate.bench;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.CheckResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.RevisionRequest;
import dev.migrate.reflect.ReflectOptions;
import dev.migrate.reflect.SchemaReader;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario "autogen" (issue 6, 3): autogenerate with no changes. A schema of N tables (15 columns, primary key, a
 * foreign key, three indexes each; {@link WideSchema}) and models built with {@code Table.builder} from the same
 * generator, so that {@code Migrate.check()} finds no difference (checked). On PostgreSQL the tables are created by
 * the generator's SQL; on MariaDB (issue 13) by the revision {@code Migrate.migrate(...)} autogenerates from the
 * models, then {@code upgrade("head")} (untimed), so the check there is also a round trip.
 * Timed: {@code check()} (reads the version table, reflects the schema, asks which tables hold rows, compares),
 * and of it {@code SchemaReader.read} alone. Counted: the statements and metadata queries each issues, through
 * a recording DataSource. Floor: the very statements {@code check()} issued, replayed raw over JDBC, every
 * column of every row read. PostgreSQL and MariaDB, each when its server starts here.
 */
public final class AutogenerateScenario implements Scenario {

    static final String FLOOR = "floor: check()'s statements replayed raw";
    static final String READ = "  of which SchemaReader.read";
    static final String CHECK = "Migrate.check()";

    @Override
    public String name() {
        return "autogen";
    }

    @Override
    public String description() {
        return "Migrate.check() with no changes on a wide schema, PostgreSQL and MariaDB: time and catalog queries";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Target target : serverTargets()) {
            results.addAll(run(target, settings, Files.createDirectories(workDir.resolve(target.name()))));
        }
        return results;
    }

    private static List<Target> serverTargets() {
        List<Target> targets = new ArrayList<>();
        Target.postgresIfAvailable(System.out).ifPresent(targets::add);
        Target.mariadbIfAvailable(System.out).ifPresent(targets::add);
        return targets;
    }

    private List<Result> run(Target target, Settings settings, Path workDir) throws Exception {
        int tables = settings.peers().tables();
        List<Result> results = new ArrayList<>();
        Path scripts = Files.createDirectories(workDir.resolve("scripts"));
        Settings measure = Peers.light(settings);
        Schema models = Schema.of(WideSchema.models(tables));
        try (Target.Db db = target.create()) {
            if (target.name().equals("postgresql")) {
                createBySql(db, tables);
            } else {
                createByAutogenerate(db, scripts, models);
            }
            RecordingDataSource recording = new RecordingDataSource(db.dataSource());
            Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(recording.dataSource()).scriptDirectory(scripts)
                    .model(ModelSource.of(models)).build());

            CheckResult first = migrate.check();
            if (!first.upToDate()) {
                throw new IllegalStateException(first.differences().size() + " differences between the models and the"
                        + " schema, e.g. " + first.differences().subList(0, Math.min(5, first.differences().size())));
            }
            int checkQueries = recording.queries();
            List<RecordingDataSource.Executed> statements = recording.executed();
            recording.reset();
            int readQueries;
            try (Connection connection = recording.dataSource().getConnection()) {
                SchemaReader.forConnection(connection).read(connection, ReflectOptions.defaults());
                readQueries = recording.queries();
            }
            int declared;
            try (Connection connection = db.dataSource().getConnection()) {
                declared = SchemaReader.forConnection(connection).queriesPerRead();
            }

            Measure.Samples floor = Measure.run(measure, Measure.whole(() -> {
                try (Connection connection = db.dataSource().getConnection()) {
                    return RecordingDataSource.replay(connection, statements);
                }
            }));
            Measure.Samples read = Measure.run(measure, Measure.whole(() -> {
                try (Connection connection = db.dataSource().getConnection()) {
                    return SchemaReader.forConnection(connection).read(connection, ReflectOptions.defaults());
                }
            }));
            Migrate plain = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(scripts)
                    .model(ModelSource.of(models)).build());
            Measure.Samples check = Measure.run(measure, Measure.whole(plain::check));

            String scenario = name() + "/" + target.name();
            double floorMs = floor.medianMillis();
            results.add(Result.of(scenario, "jdbc", FLOOR + " (" + statements.size() + ")", tables, floor, floorMs));
            results.add(Result.of(scenario, "migrate", READ + " (" + readQueries + " queries; queriesPerRead() = "
                    + declared + ")", tables, read, floorMs));
            results.add(Result.of(scenario, "migrate", CHECK + " (" + checkQueries + " queries)", tables, check, floorMs));
        }
        return results;
    }

    /** PostgreSQL: the generator's DDL in batches of 100 tables, one transaction, then ANALYZE. */
    private static void createBySql(Target.Db db, int tables) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < tables; from += 100) {
                for (String sql : WideSchema.ddl(from, Math.min(tables, from + 100))) {
                    statement.addBatch(sql);
                }
                statement.executeBatch();
            }
            connection.commit();
            statement.execute("ANALYZE");
        }
    }

    /** The revision autogenerated from the models, written to {@code scripts} and applied. */
    private static void createByAutogenerate(Target.Db db, Path scripts, Schema models) {
        Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(db.dataSource()).scriptDirectory(scripts)
                .model(ModelSource.of(models)).build());
        migrate.migrate(RevisionRequest.withMessage("wide schema"), RenameDecider.NEVER);
        migrate.upgrade("head");
    }
}
