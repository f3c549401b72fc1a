package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With several databases the {@code db} commands work on the application's (primary) engine unless
 * {@code migrate.database} names another Migrate bean: {@code java -jar app.jar db upgrade --migrate.database=reportingMigrate}.
 */
class DbCommandsChooseTheDatabaseTest {

    @TempDir
    Path dir;

    /** The application's database and a reporting database whose engine the application declares. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrateCommandLineAutoConfiguration.class})
    static class TwoDatabases {

        @Bean(defaultCandidate = false)
        Migrate reportingMigrate(@Value("${test.reporting-url}") String url) {
            return new Migrate(MigrateConfig.builder().dataSource(new DriverManagerDataSource(url)).location(TEST_LOCATION)
                    .scriptDirectory(Path.of("target/no-such-directory")).build());
        }
    }

    private List<Integer> run(String... arguments) {
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = new SpringApplication(TwoDatabases.class);
        application.setDefaultProperties(Map.of("spring.main.web-application-type", "none",
                "spring.datasource.url", SqliteFiles.url(dir.resolve("app.db")),
                "test.reporting-url", SqliteFiles.url(dir.resolve("reporting.db")),
                "migrate.locations", TEST_LOCATION, "migrate.script-directory", "target/no-such-directory"));
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("dbCommandExit", (DbCommandExit) exits::add));
        application.run(arguments).close();
        return exits;
    }

    @Test
    void theCommandsUseTheApplicationsEngineByDefault() {
        assertThat(run("db", "upgrade")).containsExactly(DbCommandExecutor.OK);
        assertThat(SqliteFiles.versions(dir.resolve("app.db"))).containsExactly(HEAD);
        assertThat(SqliteFiles.tables(dir.resolve("reporting.db"))).isEmpty();
    }

    @Test
    void migrateDatabaseNamesTheEngineTheCommandsUse() {
        assertThat(run("db", "upgrade", "--migrate.database=reportingMigrate")).containsExactly(DbCommandExecutor.OK);
        assertThat(SqliteFiles.versions(dir.resolve("reporting.db"))).containsExactly(HEAD);
        assertThat(SqliteFiles.tables(dir.resolve("app.db"))).isEmpty();
    }

    @Test
    void theDatabaseOptionNamesTheEngineForOneCommand() {
        assertThat(run("db", "upgrade", "--database", "reportingMigrate")).containsExactly(DbCommandExecutor.OK);
        assertThat(SqliteFiles.versions(dir.resolve("reporting.db"))).containsExactly(HEAD);
        assertThat(SqliteFiles.tables(dir.resolve("app.db"))).isEmpty();
        assertThat(run("db", "downgrade", "base", "--database=reportingMigrate", "-y")).containsExactly(DbCommandExecutor.OK);
        assertThat(SqliteFiles.versions(dir.resolve("reporting.db"))).isEmpty();
    }

    @Test
    void theDatabaseOptionWithAnUnknownNameIsAUsageError() {
        RecordingConsole console = RecordingConsole.oneShot();
        Migrate app = new Migrate(MigrateConfig.builder().dataSource(new DriverManagerDataSource(SqliteFiles.url(dir.resolve("a.db"))))
                .location(TEST_LOCATION).build());
        int status = new DbCommandExecutor(app, Map.of("migrate", app)).execute(List.of("current", "--database", "nope"), console);
        assertThat(status).isEqualTo(DbCommandExecutor.USAGE);
        assertThat(console.err).containsExactly("db current: --database nope names no Migrate bean; databases: migrate");
        assertThat(SqliteFiles.tables(dir.resolve("a.db"))).isEmpty();
    }

    @Test
    void anUnknownNameFailsInOneLineListingTheEngines() {
        assertThatThrownBy(() -> run("db", "upgrade", "--migrate.database=reporting"))
                .rootCause().hasMessageNotContaining("\n")
                .hasMessageContaining("migrate.database=reporting").hasMessageContaining("migrate, reportingMigrate");
    }
}
