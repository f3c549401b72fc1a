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
import static dev.migrate.autoconfigure.SqliteFiles.versions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script edited after it was applied stops the startup (upgrade and validate alike) with one line naming
 * it, until the edit is re-recorded or {@code migrate.validate-on-migrate=false} turns the check off.
 */
class DriftAtStartupTest {

    private static final String REVISION = "0123456789ab";

    @TempDir
    Path dir;

    private Path script;
    private ApplicationContextRunner runner;

    @BeforeEach
    void applyTheScriptThenEditIt() throws Exception {
        Path scripts = SqliteFiles.scriptDirectory(dir, REVISION, "CREATE TABLE person (id INTEGER);");
        script = scripts.resolve(REVISION + "_only.sql");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")),
                        "migrate.locations=filesystem:" + scripts);
        runner.run(context -> assertThat(context).hasNotFailed());
        assertThat(versions(dir.resolve("app.db"))).containsExactly(REVISION);
        Files.writeString(script, Files.readString(script).replace("(id INTEGER)", "(id INTEGER, name TEXT)"));
    }

    @Test
    void theStartupUpgradeRefusesNamingTheRevisionAndItsFile() {
        runner.run(context -> assertRefused(context.getStartupFailure()));
    }

    @Test
    void validateOnStartupRefusesToo() {
        runner.withPropertyValues("migrate.on-startup=validate").run(context -> assertRefused(context.getStartupFailure()));
    }

    @Test
    void thePropertyTurnsTheCheckOff() {
        runner.withPropertyValues("migrate.validate-on-migrate=false").run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("migrate.validate-on-migrate=false", "migrate.on-startup=validate")
                .run(context -> assertThat(context).hasNotFailed());
    }

    private void assertRefused(Throwable failure) {
        assertThat(failure).as("startup failure").isNotNull();
        Throwable cause = rootCause(failure);
        assertThat(cause).isInstanceOf(MigrateException.class);
        assertThat(cause.getMessage())
                .doesNotContain("\n")
                .contains(REVISION + " (" + script + ")")
                .contains("db repair")
                .contains("migrate.validate-on-migrate=false");
    }
}
