package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.fleet.Fleet;
import dev.migrate.fleet.FleetTarget;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.migrate.autoconfigure.SqliteFiles.FIRST;
import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a fleet, {@code db upgrade}, {@code db current} and {@code db status} run over every target, each target's output
 * under its name and a failed target's one line on the error stream (the command fails after the others ran);
 * {@code --target NAME} picks one; a downgrade must name its target.
 */
class DbFleetCommandsTest {

    @TempDir
    Path dir;

    private Path shard(int i) {
        return dir.resolve("shard_" + i + ".db");
    }

    private DbCommandExecutor executor(int shards) {
        MigrateConfig config = MigrateConfig.builder().dataSource(new org.sqlite.SQLiteDataSource()).location(TEST_LOCATION)
                .scriptDirectory(Path.of("target/no-such-directory")).build();
        List<FleetTarget> targets = IntStream.rangeClosed(1, shards).mapToObj(i -> {
            org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource();
            dataSource.setUrl(SqliteFiles.url(shard(i)));
            return FleetTarget.database("shard_" + i, dataSource, config);
        }).toList();
        Migrate template = new Migrate(config);
        return new DbCommandExecutor(template, Map.of("migrate", template), new Fleet(targets, 2).replacing(template));
    }

    private static void execute(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(SqliteFiles.url(file));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void upgradeRunsOverEveryShardAndAFailedShardFailsTheCommandAfterTheOthers() throws Exception {
        DbCommandExecutor executor = executor(3);
        execute(shard(2), "CREATE TABLE pet (id INTEGER)");
        RecordingConsole console = RecordingConsole.oneShot();

        assertThat(executor.execute(List.of("upgrade"), console)).isEqualTo(DbCommandExecutor.FAILED);

        assertThat(console.out).containsExactly("shard_1: upgraded base -> " + HEAD + " (2 revision(s))",
                "shard_3: upgraded base -> " + HEAD + " (2 revision(s))");
        assertThat(console.err).hasSize(2);
        assertThat(console.err.get(0)).startsWith("shard_2: ").contains("f6e5d4c3b2a1_create_pet.sql:");
        assertThat(console.err.get(1)).isEqualTo("1 of 3 fleet targets failed");
        assertThat(SqliteFiles.versions(shard(2))).containsExactly(FIRST);
        assertThat(SqliteFiles.versions(shard(3))).containsExactly(HEAD);

        RecordingConsole again = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("upgrade", "--target", "shard_1"), again)).isEqualTo(DbCommandExecutor.OK);
        assertThat(again.out).containsExactly("Nothing to upgrade: the database is at " + HEAD);
    }

    @Test
    void currentAndStatusListEveryShardAndTargetPicksOne() {
        DbCommandExecutor executor = executor(2);
        assertThat(executor.execute(List.of("upgrade", FIRST, "--target=shard_2"), RecordingConsole.oneShot()))
                .isEqualTo(DbCommandExecutor.OK);

        RecordingConsole current = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("current"), current)).isEqualTo(DbCommandExecutor.OK);
        assertThat(current.out).containsExactly("shard_1: base", "shard_2: " + FIRST);

        RecordingConsole one = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("current", "--target", "shard_2"), one)).isEqualTo(DbCommandExecutor.OK);
        assertThat(one.out).containsExactly(FIRST);

        RecordingConsole status = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("status"), status)).isEqualTo(DbCommandExecutor.OK);
        assertThat(status.out).contains("== shard_1", "== shard_2");
        assertThat(status.out.indexOf("== shard_1")).isLessThan(status.out.indexOf("== shard_2"));
    }

    @Test
    void aDowngradeMustNameItsTargetAndAnUnknownTargetIsAUsageError() {
        DbCommandExecutor executor = executor(2);
        RecordingConsole downgrade = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("downgrade", "base"), downgrade)).isEqualTo(DbCommandExecutor.USAGE);
        assertThat(downgrade.err).containsExactly("db downgrade works on one fleet target: add --target NAME; targets: "
                + "shard_1, shard_2");

        RecordingConsole unknown = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("upgrade", "--target", "shard_9"), unknown)).isEqualTo(DbCommandExecutor.USAGE);
        assertThat(unknown.err).containsExactly("db upgrade: --target shard_9 names no fleet target; targets: shard_1, shard_2");
    }

    /** The one-shot command of an application whose fleet is schemas of its PostgreSQL database. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrateCommandLineAutoConfiguration.class})
    static class TenantsApplication {
    }

    @Test
    @PostgresTest
    void theOneShotCommandUpgradesEveryTenantSchema(PostgresServer server) throws Exception {
        String database = server.createDatabase();
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = new SpringApplication(TenantsApplication.class);
        application.setDefaultProperties(Map.of("spring.main.web-application-type", "none",
                "spring.datasource.url", server.jdbcUrl(database), "spring.datasource.username", server.user(),
                "migrate.locations", TEST_LOCATION, "migrate.script-directory", "target/no-such-directory",
                "migrate.fleet.schemas", "tenant_a,tenant_b"));
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("dbCommandExit", (DbCommandExit) exits::add));

        application.run("db", "upgrade").close();

        assertThat(exits).containsExactly(DbCommandExecutor.OK);
        for (String tenant : List.of("tenant_a", "tenant_b")) {
            try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version_num FROM " + tenant + ".alembic_version")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(HEAD);
            }
        }
    }
}
