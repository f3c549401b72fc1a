package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SqliteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db current} on a database ahead of the application's scripts (a rolled-back image): the unknown revision is
 * shown, marked, with what to do, and the command succeeds unless {@code --fail-if-ahead} asks otherwise; {@code db
 * status} shows it too. One-shot, as {@code java -jar app.jar db current} runs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbCurrentAheadTest {

    private static final String NEWER = "0000feed0001";

    @TempDir
    Path dir;

    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrateCommandLineAutoConfiguration.class})
    static class App {
    }

    private int run(String... arguments) {
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = new SpringApplication(App.class);
        application.setDefaultProperties(Map.of("spring.main.web-application-type", "none",
                "spring.datasource.url", SqliteFiles.url(dir.resolve("app.db")),
                "migrate.locations", TEST_LOCATION, "migrate.script-directory", "target/no-such-directory"));
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("dbCommandExit", (DbCommandExit) exits::add));
        application.run(arguments).close();
        assertThat(exits).hasSize(1);
        return exits.get(0);
    }

    @BeforeEach
    void migratedByANewerVersion() throws Exception {
        assertThat(run("db", "upgrade")).isZero();
        try (Connection connection = DriverManager.getConnection(SqliteFiles.url(dir.resolve("app.db")))) {
            connection.createStatement().executeUpdate("UPDATE alembic_version SET version_num = '" + NEWER + "'");
        }
    }

    @Test
    void currentShowsTheUnknownRevisionMarkedAheadAndSucceeds(CapturedOutput output) {
        assertThat(run("db", "current")).isEqualTo(DbCommandExecutor.OK);
        assertThat(output.getOut()).contains(NEWER + " (not in the scripts: the database is ahead of this application)");
        assertThat(output.getErr()).contains(NEWER, "newer version of the application", "db stamp");
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void failIfAheadMakesItExitNonZero(CapturedOutput output) {
        assertThat(run("db", "current", "--fail-if-ahead")).isEqualTo(DbCommandExecutor.FAILED);
        assertThat(output.getOut()).contains(NEWER + " (not in the scripts");
        assertThat(run("db", "current", "--verbose")).isEqualTo(DbCommandExecutor.OK);
        assertThat(output.getOut()).contains("Current revision(s) for jdbc:sqlite:");
    }

    @Test
    void statusShowsItToo(CapturedOutput output) {
        assertThat(run("db", "status")).isEqualTo(DbCommandExecutor.OK);
        assertThat(output.getOut()).contains("In the database but in no script: " + NEWER);
    }
}
