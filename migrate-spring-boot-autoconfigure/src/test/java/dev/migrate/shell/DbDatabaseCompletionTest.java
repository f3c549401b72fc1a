package dev.migrate.shell;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.ExtendedDefaultParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.migrate.autoconfigure.SqliteFiles.FIRST;
import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tab completion of {@code --database} at the prompt, through the completer the starter gives Shell's JLine reader:
 * the option among each verb's options, the Migrate beans' names as its value, and revisions completed from the
 * scripts of the database the line names.
 */
class DbDatabaseCompletionTest {

    private static final String REPORTING_REVISION = "bbbb00000001";

    @TempDir
    Path dir;

    private final Parser parser = new ExtendedDefaultParser();

    private ApplicationContextRunner runner() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("reporting-scripts"));
        Files.writeString(scripts.resolve(REPORTING_REVISION + "_report.sql"), """
                -- report
                --
                -- Revision ID: %s
                -- Revises:
                -- Create Date: 2026-12-07 10:00:00.000000

                -- migrate:upgrade
                CREATE TABLE report (id INTEGER PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE report;
                """.formatted(REPORTING_REVISION));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
                        MigrateShellAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"), "migrate.on-startup=none",
                        "migrate.locations=" + TEST_LOCATION, "migrate.script-directory=target/no-such-directory")
                .withBean(CommandRegistry.class, CommandRegistry::new)
                .withBean("reportingMigrate", Migrate.class, () -> new Migrate(MigrateConfig.builder()
                                .dataSource(new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("reporting.db")))
                                .scriptDirectory(scripts).build()),
                        definition -> ((AbstractBeanDefinition) definition).setDefaultCandidate(false));
    }

    private List<String> complete(CommandCompleter completer, String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void theDatabaseOptionAndItsValuesComplete() throws IOException {
        runner().run(context -> {
            CommandCompleter completer = context.getBean(CommandCompleter.class);
            assertThat(complete(completer, "db upgrade --")).contains("--database", "--sql");
            assertThat(complete(completer, "db status --d")).containsExactly("--database");
            assertThat(complete(completer, "db upgrade --database ")).containsExactly("migrate", "reportingMigrate");
            assertThat(complete(completer, "db current --database rep")).containsExactly("reportingMigrate");
            assertThat(complete(completer, "db current --database=rep")).containsExactly("--database=reportingMigrate");
        });
    }

    @Test
    void revisionsCompleteFromTheDatabaseTheLineNames() throws IOException {
        runner().run(context -> {
            CommandCompleter completer = context.getBean(CommandCompleter.class);
            assertThat(complete(completer, "db upgrade ")).contains(HEAD, FIRST).doesNotContain(REPORTING_REVISION);
            assertThat(complete(completer, "db upgrade --database reportingMigrate "))
                    .contains(REPORTING_REVISION, "head").doesNotContain(HEAD, FIRST);
            assertThat(complete(completer, "db stamp --database=reportingMigrate bb")).containsExactly(REPORTING_REVISION);
        });
    }
}
