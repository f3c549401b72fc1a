package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.shell.core.autoconfigure.StandardCommandsAutoConfiguration;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db repair}: after an applied script was edited and the edit reviewed, re-records its checksum so that
 * {@code db upgrade} runs again; from the executor, at the prompt and as {@code java -jar app.jar db repair}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbRepairTest {

    static final String A = "a1a1a1a1a1a1";
    static final String B = "b2b2b2b2b2b2";

    @TempDir
    Path dir;

    private Path scripts;
    private Path first;

    @BeforeEach
    void twoScriptsTheFirstAppliedThenEdited() throws IOException {
        scripts = dir.resolve("migrations");
        Files.createDirectories(scripts);
        first = script(A, "", "create person", "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT);");
        script(B, A, "create pet", "CREATE TABLE pet (id INTEGER PRIMARY KEY);");
        new Migrate(MigrateConfig.builder().dataSource(dataSource()).scriptDirectory(scripts).build()).upgrade(A);
        Files.writeString(first, Files.readString(first).replace("name TEXT", "name VARCHAR(20)"));
    }

    private Path script(String id, String revises, String message, String upgrade) throws IOException {
        return Files.writeString(scripts.resolve(id + "_" + message.replace(' ', '_') + ".sql"), """
                -- %s
                --
                -- Revision ID: %s
                -- Revises: %s
                -- Create Date: 2026-11-21 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                %s

                -- migrate:downgrade
                """.formatted(message, id, revises, upgrade));
    }

    private org.sqlite.SQLiteDataSource dataSource() {
        org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource();
        dataSource.setUrl(databaseUrl());
        return dataSource;
    }

    private String databaseUrl() {
        return SqliteFiles.url(dir.resolve("app.db"));
    }

    private List<String> logRows() throws java.sql.SQLException {
        List<String> rows = new ArrayList<>();
        try (var connection = dataSource().getConnection(); var result = connection.createStatement()
                .executeQuery("SELECT revision || ' ' || direction FROM migrate_log WHERE direction <> 'digest' ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private List<String> versions() {
        return SqliteFiles.versions(dir.resolve("app.db"));
    }

    @Test
    void upgradeRefusesThenRepairReRecordsAndUpgradeRuns() throws Exception {
        DbCommandExecutor executor = new DbCommandExecutor(
                new Migrate(MigrateConfig.builder().dataSource(dataSource()).scriptDirectory(scripts).build()));

        RecordingConsole refused = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("upgrade"), refused)).isEqualTo(DbCommandExecutor.FAILED);
        assertThat(refused.err).singleElement().asString().contains(A + " (" + first + ")").contains("db repair");
        assertThat(refused.out).isEmpty();
        assertThat(versions()).containsExactly(A);

        RecordingConsole repaired = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("repair"), repaired)).isZero();
        assertThat(repaired.out).containsExactly("Recorded the new checksum of " + A + " (" + first + "), create person");
        assertThat(logRows()).containsExactly(A + " upgrade", A + " repair");

        RecordingConsole again = RecordingConsole.oneShot();
        assertThat(executor.execute(List.of("repair"), again)).isZero();
        assertThat(again.out).containsExactly("Nothing to repair: every applied script matches the checksum recorded when it ran");

        assertThat(executor.execute(List.of("upgrade"), RecordingConsole.oneShot())).isZero();
        assertThat(versions()).containsExactly(B);
    }

    @Test
    void repairIsListedInTheHelp() {
        RecordingConsole help = RecordingConsole.oneShot();
        new DbCommandExecutor(new Migrate(MigrateConfig.builder().dataSource(dataSource()).scriptDirectory(scripts).build()))
                .execute(List.of("--help"), help);
        assertThat(help.out).anySatisfy(line -> assertThat(line).startsWith("  repair ").contains("checksums"));
    }

    @Test
    void atThePrompt() {
        List<String> screen = new ArrayList<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
                        MigrateShellAutoConfiguration.class, StandardCommandsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + databaseUrl(), "migrate.on-startup=none",
                        "migrate.script-directory=" + scripts)
                .withBean(CommandRegistry.class, CommandRegistry::new)
                .run(context -> screen.addAll(TypedPrompt.type(context.getBean(CommandParser.class),
                        context.getBean(CommandRegistry.class), "db repair", "db upgrade")));

        assertThat(screen).containsExactly("Recorded the new checksum of " + A + " (" + first + "), create person",
                "Running upgrade " + A + " -> " + B + ", create pet", "Exiting the shell");
        assertThat(versions()).containsExactly(B);
    }

    /** An application with the starter and no Spring Shell, run as {@code java -jar app.jar db repair}. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrateCommandLineAutoConfiguration.class})
    static class CommandLineApplication {
    }

    @Test
    void asAOneShotCommand(CapturedOutput output) {
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = new SpringApplication(CommandLineApplication.class);
        application.setDefaultProperties(Map.of("spring.main.web-application-type", "none",
                "spring.datasource.url", databaseUrl(), "migrate.script-directory", scripts.toString()));
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("dbCommandExit", (DbCommandExit) exits::add));

        application.run("db", "repair").close();

        assertThat(exits).containsExactly(DbCommandExecutor.OK);
        assertThat(output.getOut().lines())
                .contains("Recorded the new checksum of " + A + " (" + first + "), create person");
        assertThat(versions()).as("repair runs nothing").containsExactly(A);
        new Migrate(MigrateConfig.builder().dataSource(dataSource()).scriptDirectory(scripts).build()).validateChecksums();
    }
}
