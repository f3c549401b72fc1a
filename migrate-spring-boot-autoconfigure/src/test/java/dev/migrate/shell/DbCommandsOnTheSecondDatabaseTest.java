package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code db} command that reads or writes a database or its scripts works on the engine {@code --database NAME}
 * (or {@code migrate.database}) chooses: each is run against a second SQLite database with scripts and models of its
 * own, and what it shows or changes is that database's, while the application's database is never touched.
 */
class DbCommandsOnTheSecondDatabaseTest {

    private static final String FIRST = "bbbb00000001";
    private static final String SECOND = "bbbb00000002";
    private static final String BRANCH = "bbbb00000009";

    @TempDir
    Path dir;

    /** How the command line names the reporting engine. */
    enum Choice {
        OPTION, PROPERTY
    }

    /** The application's database, and a reporting database with its own scripts and models. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class})
    static class TwoDatabases {

        @Bean(defaultCandidate = false)
        Migrate reportingMigrate(@Value("${test.reporting-url}") String url, @Value("${test.reporting-scripts}") Path scripts) {
            Table note = Table.builder("report_note").column(Column.of("id", ColumnType.of(GenericType.INTEGER)).notNull())
                    .primaryKey("pk_report_note", "id").build();
            return new Migrate(MigrateConfig.builder().dataSource(new DriverManagerDataSource(url)).databaseUrl(url).scriptDirectory(scripts)
                    .model(() -> Schema.of(List.of(note))).build());
        }
    }

    private static void script(Path scripts, String id, String revises, String table) throws IOException {
        Files.writeString(scripts.resolve(id + "_" + table + ".sql"), """
                -- %s
                --
                -- Revision ID: %s
                -- Revises: %s
                -- Create Date: 2026-12-07 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                CREATE TABLE %s (id INTEGER PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE %s;
                """.formatted(table, id, revises, table, table, table));
    }

    private final class Session implements AutoCloseable {
        final ConfigurableApplicationContext context;
        final DbCommandExecutor executor;
        final Choice choice;

        Session(Choice choice, Path scripts) {
            this.choice = choice;
            SpringApplication application = new SpringApplication(TwoDatabases.class);
            Map<String, Object> properties = new HashMap<>(Map.of("spring.main.web-application-type", "none",
                    "spring.datasource.url", SqliteFiles.url(dir.resolve("app.db")),
                    "test.reporting-url", SqliteFiles.url(dir.resolve("reporting.db")), "test.reporting-scripts", scripts.toString(),
                    "migrate.locations", TEST_LOCATION, "migrate.script-directory", "target/no-such-directory",
                    "migrate.on-startup", "none"));
            if (choice == Choice.PROPERTY) {
                properties.put(DbCommandEngine.PROPERTY, "reportingMigrate");
            }
            application.setDefaultProperties(properties);
            context = application.run();
            // the executor the one-shot command line and the prompt are given
            executor = DbCommandEngine.executor(context.getBeanFactory(), context.getEnvironment());
        }

        RecordingConsole run(int expected, String... words) {
            List<String> line = new ArrayList<>(List.of(words));
            if (choice == Choice.OPTION) {
                line.addAll(List.of("--database", "reportingMigrate"));
            }
            RecordingConsole console = RecordingConsole.oneShot();
            assertThat(executor.execute(line, console)).as("db " + String.join(" ", line) + ": " + console.err)
                    .isEqualTo(expected);
            return console;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Choice.class)
    void everyCommandReadsAndWritesTheChosenDatabase(Choice choice) throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("reporting-scripts"));
        script(scripts, FIRST, "", "report");
        script(scripts, SECOND, FIRST, "summary");
        Path reporting = dir.resolve("reporting.db");
        try (Session db = new Session(choice, scripts)) {
            db.run(DbCommandExecutor.OK, "upgrade", FIRST);
            assertThat(SqliteFiles.versions(reporting)).containsExactly(FIRST);
            db.run(DbCommandExecutor.OK, "downgrade", "base");
            assertThat(SqliteFiles.versions(reporting)).isEmpty();
            db.run(DbCommandExecutor.OK, "upgrade", FIRST);
            assertThat(String.join("\n", db.run(DbCommandExecutor.OK, "history", "-i").out)).contains(FIRST + " (current)", SECOND);
            assertThat(String.join("\n", db.run(DbCommandExecutor.OK, "show", FIRST).out)).contains("Rev: " + FIRST);
            assertThat(db.run(DbCommandExecutor.OK, "current").out).containsExactly(FIRST);
            assertThat(db.run(DbCommandExecutor.OK, "heads").out).containsExactly(SECOND + " (head)");
            assertThat(String.join("\n", db.run(DbCommandExecutor.OK, "history", "--graph").out))
                    .contains(SECOND, FIRST + " (current)");
            assertThat(String.join("\n", db.run(DbCommandExecutor.OK, "graph").out)).contains(FIRST, SECOND);
            assertThat(String.join("\n", db.run(DbCommandExecutor.OK, "status").out)).contains(SECOND, "summary");

            Files.writeString(scripts.resolve(FIRST + "_report.sql"), Files.readString(scripts.resolve(FIRST + "_report.sql"))
                    .replace("(id INTEGER PRIMARY KEY)", "(id INTEGER PRIMARY KEY, title TEXT)"));
            assertThat(db.run(DbCommandExecutor.OK, "repair").out).singleElement().asString()
                    .startsWith("Recorded the new checksum of " + FIRST);

            db.run(DbCommandExecutor.OK, "stamp", SECOND);
            assertThat(SqliteFiles.versions(reporting)).containsExactly(SECOND);

            assertThat(String.join("\n", db.run(DbCommandExecutor.FAILED, "check").out)).as("the reporting models")
                    .contains("report_note");

            List<Path> before = files(scripts);
            db.run(DbCommandExecutor.OK, "migrate", "-m", "notes");
            assertThat(files(scripts)).hasSize(before.size() + 1);
            assertThat(String.join("\n", db.run(DbCommandExecutor.OK, "upgrade", "--sql", SECOND + ":head").out))
                    .contains("report_note");

            script(scripts, BRANCH, FIRST, "branch_table");
            assertThat(db.run(DbCommandExecutor.OK, "heads").out).hasSize(2);
            assertThat(String.join("\n", db.run(DbCommandExecutor.OK, "branches").out)).contains(FIRST, BRANCH);
            db.run(DbCommandExecutor.OK, "merge", "heads", "-m", "join");
            assertThat(files(scripts)).hasSize(before.size() + 3);
            assertThat(db.run(DbCommandExecutor.OK, "heads").out).hasSize(1);
            db.run(DbCommandExecutor.OK, "revision", "-m", "by hand");
            assertThat(files(scripts)).hasSize(before.size() + 4);
        }
        assertThat(SqliteFiles.tables(dir.resolve("app.db"))).as("the application's database").isEmpty();
    }
}
