package dev.migrate.shell;

import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.shell.oneshot.OneShotApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar app.jar db ... > file}: standard output holds the command's output and nothing else, so that
 * {@code db upgrade --sql > up.sql} gives a file that runs; {@code --debug} only adds a failure's stack trace, on
 * the error stream, and does not switch on Spring Boot's debug mode.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbCommandLineOutputTest {

    @TempDir
    Path dir;

    private List<Integer> run(Path scripts, String... command) {
        SpringApplication application = new SpringApplication(OneShotApplication.class);
        application.setDefaultProperties(Map.of("spring.boot.enableautoconfiguration", "false",
                "spring.datasource.url", SqliteFiles.url(dir.resolve("app.db")),
                "migrate.script-directory", scripts.toString()));
        List<String> arguments = new ArrayList<>(List.of("db"));
        arguments.addAll(List.of(command));
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            return context.getBean(OneShotApplication.ExitStatuses.class).values();
        }
    }

    private Path scripts() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(scripts.resolve("a1a1a1a1a1a1_create_person.sql"), """
                -- create person
                --
                -- Revision ID: a1a1a1a1a1a1
                -- Revises:
                -- Create Date: 2026-11-21 10:00:00.000000

                -- migrate:upgrade
                CREATE TABLE person (id INTEGER PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE person;
                """);
        return scripts;
    }

    @Test
    void upgradeSqlWithDebugPrintsTheSqlAndNothingElse(CapturedOutput output) throws Exception {
        Path scripts = scripts();
        // a copied file whose id was not changed: worth a warning, which must not land in the SQL
        Files.writeString(scripts.resolve("b2b2b2b2b2b2_add_pet.sql"), """
                -- add pet
                --
                -- Revision ID: c3c3c3c3c3c3
                -- Revises: a1a1a1a1a1a1

                -- migrate:upgrade
                CREATE TABLE pet (id INTEGER PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE pet;
                """);

        assertThat(run(scripts, "upgrade", "--sql", "--debug")).containsExactly(DbCommandExecutor.OK);

        String sql = output.getOut();
        assertThat(sql).startsWith("CREATE TABLE alembic_version").contains("CREATE TABLE pet (id INTEGER PRIMARY KEY);")
                .endsWith("COMMIT;\n\n\n").doesNotContain("DEBUG", "CONDITIONS EVALUATION REPORT", "WARN");
        assertThat(output.getErr()).contains("b2b2b2b2b2b2_add_pet.sql declares Revision ID c3c3c3c3c3c3")
                .doesNotContain("CONDITIONS EVALUATION REPORT");
        assertThat(dir.resolve("app.db")).doesNotExist();

        // the file runs: what 'db upgrade --sql --debug > up.sql' wrote, fed to sqlite3
        Path applied = dir.resolve("applied.db");
        Process sqlite3 = new ProcessBuilder("sqlite3", "-bail", applied.toString()).redirectErrorStream(true).start();
        sqlite3.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
        sqlite3.getOutputStream().close();
        String complaints = new String(sqlite3.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sqlite3.waitFor()).as(complaints).isZero();
        assertThat(SqliteFiles.tables(applied)).contains("person", "pet");
        assertThat(SqliteFiles.versions(applied)).containsExactly("c3c3c3c3c3c3");
    }

    @Test
    void aFailureWithDebugPutsItsStackTraceOnTheErrorStream(CapturedOutput output) throws IOException {
        assertThat(run(scripts(), "upgrade", "nosuch", "--debug")).containsExactly(DbCommandExecutor.FAILED);

        assertThat(output.getOut()).isEmpty();
        assertThat(output.getErr()).contains("No such revision or branch 'nosuch'", "\tat dev.migrate.")
                .doesNotContain("CONDITIONS EVALUATION REPORT", " DEBUG ");
    }
}
