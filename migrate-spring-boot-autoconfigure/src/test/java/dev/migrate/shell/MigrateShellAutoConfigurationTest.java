package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The db commands: registered with Spring Shell when it is there, the one-shot runner only in command mode. */
class MigrateShellAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
                        MigrateShellAutoConfiguration.class, MigrateCommandLineAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"),
                        "migrate.on-startup=none", "migrate.script-directory=target/no-such-directory")
                .withBean(CommandRegistry.class, CommandRegistry::new);
    }

    @Test
    void withSpringShellEveryVerbIsACommandAndTheParserKeepsQuoting() {
        runner().run(context -> {
            assertThat(context.getBeansOfType(DbShellCommand.class)).hasSize(DbVerb.values().length)
                    .containsKeys("dbUpgradeCommand", "dbMigrateCommand", "dbHistoryCommand");
            assertThat(context.getBean(CommandParser.class)).isInstanceOf(DbCommandParser.class);
            assertThat(context).doesNotHaveBean(DbCommandLineRunner.class);
        });
    }

    @Test
    void withoutSpringShellThereAreNoShellCommands() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.shell")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Migrate.class);
            assertThat(context).doesNotHaveBean(DbShellCommand.class);
        });
    }

    @Test
    void aWebApplicationWithoutAPromptGetsTheRunnerThatStandsInForShells() {
        runner().run(context -> assertThat(context).doesNotHaveBean("migrateWebApplicationWithoutPrompt"));
        runner().withPropertyValues(WebApplicationShellDefaults.NO_PROMPT + "=true")
                .run(context -> assertThat(context).hasBean("migrateWebApplicationWithoutPrompt"));
    }

    @Test
    void theOneShotRunnerExistsOnlyInCommandMode() {
        runner().withPropertyValues(DbCommandModeListener.ACTIVE_PROPERTY + "=true")
                .withBean(DbCommandExit.class, () -> status -> { })
                .run(context -> assertThat(context).hasSingleBean(DbCommandLineRunner.class));
    }
}
