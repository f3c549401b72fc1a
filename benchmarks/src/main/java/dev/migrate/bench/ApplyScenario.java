package dev.migrate.bench;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.RunResult;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario "apply" (SQLite): a fresh database file brought to head through N one-statement revisions by
 * {@code Migrate.upgrade("head")}, against the floor of the same statements over plain JDBC on one
 * connection, one transaction each with one version-table UPDATE. Both run twice: with the driver's
 * defaults (rollback journal, {@code synchronous=FULL}: each commit pays the same fsyncs), and with
 * {@code synchronous=OFF}, which shows the engine's own overhead. Creating the file is untimed; the
 * engine's timing includes reading the script directory and building the graph.
 */
public final class ApplyScenario implements Scenario {

    static final String FLOOR = "floor: JDBC, 1 tx + 1 UPDATE/stmt";
    static final String UPGRADE = "Migrate.upgrade(\"head\")";
    static final String NO_SYNC = ", synchronous=OFF";

    @Override
    public String name() {
        return "apply";
    }

    @Override
    public String description() {
        return "SQLite file, fresh each iteration, linear chain of one-statement revisions";
    }

    @Override
    public List<Result> run(Settings settings, Path workDir) throws Exception {
        int count = settings.applyRevisions();
        ScriptTree.Written tree = ScriptTree.linear(workDir.resolve("apply-scripts"), count);
        List<String> statements = tree.revisions().stream().map(ScriptTree.Rev::upgradeSql).toList();
        List<String> ids = tree.revisions().stream().map(ScriptTree.Rev::id).toList();
        Path dbDir = Files.createDirectories(workDir.resolve("apply-db"));
        Settings applySettings = new Settings(settings.graphSizes(), count, settings.applyWarmups(), 0,
                settings.applyIterations(), settings.applyWarmups(), settings.applyIterations(), settings.peers());

        List<Result> results = new ArrayList<>();
        for (boolean synchronous : new boolean[] {true, false}) {
            String suffix = synchronous ? "" : NO_SYNC;
            int[] serial = {0};
            Measure.Samples floor = Measure.run(applySettings, () -> {
                Path file = dbDir.resolve("floor-" + serial[0]++ + ".db");
                try {
                    return plainJdbc(dataSource(file, synchronous), statements, ids);
                } finally {
                    Files.deleteIfExists(file);
                }
            });
            Measure.Samples engine = Measure.run(applySettings, () -> {
                Path file = dbDir.resolve("migrate-" + serial[0]++ + ".db");
                try {
                    SQLiteDataSource dataSource = dataSource(file, synchronous);
                    long start = System.nanoTime();
                    Migrate migrate = new Migrate(MigrateConfig.builder().dataSource(dataSource)
                            .scriptDirectory(tree.directory()).build());
                    RunResult result = migrate.upgrade("head");
                    long elapsed = System.nanoTime() - start;
                    if (result.steps().size() != count || !result.toHeads().equals(List.of(ids.get(count - 1)))) {
                        throw new IllegalStateException("upgrade did not reach head: " + result);
                    }
                    return elapsed;
                } finally {
                    Files.deleteIfExists(file);
                }
            });
            double floorMs = floor.medianMillis();
            results.add(Result.of(name(), "jdbc", FLOOR + suffix, count, floor, floorMs));
            results.add(Result.of(name(), "migrate", UPGRADE + suffix, count, engine, floorMs));
        }
        return results;
    }

    /**
     * The driver's defaults, or {@code synchronous=OFF}: without the fsync of every commit, which dominates
     * on most disks, what is left is the engine's own work per revision.
     */
    static SQLiteDataSource dataSource(Path file, boolean synchronous) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        if (!synchronous) {
            dataSource.setSynchronous("OFF");
        }
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    /** The floor: version table created once, then per statement BEGIN, statement, UPDATE, COMMIT. */
    static long plainJdbc(SQLiteDataSource dataSource, List<String> statements, List<String> ids) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
                        + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
                ddl.execute("INSERT INTO alembic_version (version_num) VALUES ('base')");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement update = connection.prepareStatement("UPDATE alembic_version SET version_num = ?")) {
                for (int i = 0; i < statements.size(); i++) {
                    statement.execute(statements.get(i));
                    update.setString(1, ids.get(i));
                    update.executeUpdate();
                    connection.commit();
                }
            }
        }
        return System.nanoTime() - start;
    }
}
