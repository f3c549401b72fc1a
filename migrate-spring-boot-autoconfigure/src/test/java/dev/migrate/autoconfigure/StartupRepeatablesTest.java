package dev.migrate.autoconfigure;

import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.migrate.autoconfigure.MigrateAutoConfigurationTest.rootCause;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeatable scripts at startup: the startup upgrade applies them after the revisions, again when they change;
 * {@code migrate.on-startup=validate} refuses, naming them, while one is not applied as it is now (as Flyway's validate).
 */
class StartupRepeatablesTest {

    private static final String REVISION = "0123456789ab";

    @TempDir
    Path dir;

    private Path view;
    private ApplicationContextRunner runner;

    @BeforeEach
    void aRevisionAndARepeatableView() throws Exception {
        Path scripts = SqliteFiles.scriptDirectory(dir, REVISION, "CREATE TABLE person (id INTEGER, name TEXT);");
        view = Files.writeString(scripts.resolve("R__person_names.sql"),
                "DROP VIEW IF EXISTS person_names;\nCREATE VIEW person_names AS SELECT name FROM person;\n");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")),
                        "migrate.locations=filesystem:" + scripts, "migrate.script-directory=" + dir.resolve("none"));
    }

    private java.util.List<String> log() {
        return SqliteFiles.strings(dir.resolve("app.db"), "SELECT revision || ' ' || direction FROM migrate_log WHERE direction <> 'digest' ORDER BY id");
    }

    @Test
    void theStartupUpgradeAppliesThemAndValidateRefusesAChangedOne() throws Exception {
        runner.run(context -> assertThat(context).hasNotFailed());
        assertThat(log()).containsExactly(REVISION + " upgrade", "person_names repeatable");
        runner.withPropertyValues("migrate.on-startup=validate").run(context -> assertThat(context).hasNotFailed());

        Files.writeString(view, "DROP VIEW IF EXISTS person_names;\nCREATE VIEW person_names AS SELECT id, name FROM person;\n");
        runner.withPropertyValues("migrate.on-startup=validate").run(context -> {
            Throwable cause = rootCause(context.getStartupFailure());
            assertThat(cause).isInstanceOf(MigrateException.class);
            assertThat(cause.getMessage()).doesNotContain("\n").contains("person_names (changed)").contains("db upgrade");
        });

        runner.run(context -> assertThat(context).hasNotFailed());
        assertThat(log()).containsExactly(REVISION + " upgrade", "person_names repeatable", "person_names repeatable");
        runner.withPropertyValues("migrate.on-startup=validate").run(context -> assertThat(context).hasNotFailed());
    }
}
