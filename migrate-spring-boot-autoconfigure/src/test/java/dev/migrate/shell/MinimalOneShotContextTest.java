package dev.migrate.shell;

import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.shell.minimal.BusyApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.shell.core.command.CommandRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar app.jar db ...} of an application that holds much more than the engine needs (actuator, health,
 * Spring Shell, JPA, its own beans): the one-shot run leaves out what serves or runs work and creates only the beans
 * the command asks for, while the environment (profiles and their files, command-line properties) applies as in a
 * normal start. {@code migrate.command-line.minimal-context=false} gives the whole context back.
 */
@ExtendWith(OutputCaptureExtension.class)
class MinimalOneShotContextTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(BusyApplication.class);
        // not as arguments: Spring Shell's non-interactive runner would take those of a normal start for a command
        application.setDefaultProperties(Map.of("spring.datasource.url", SqliteFiles.url(dir.resolve("app.db")),
                "spring.profiles.active", "busy", "migrate.script-directory", dir.resolve("no-working-tree").toString(),
                "spring.shell.interactive.enabled", "false", "migrate.on-startup", "none"));
        return application.run(args);
    }

    private static List<Integer> statuses(ConfigurableApplicationContext context) {
        return context.getBean(BusyApplication.ExitStatuses.class).values();
    }

    @Test
    void aOneShotCommandCreatesOnlyWhatItNeedsAndStillReadsTheProfilesFiles(CapturedOutput output) {
        BusyApplication.ClosingCallback callback;
        try (ConfigurableApplicationContext context = run("db", "upgrade")) {
            callback = (BusyApplication.ClosingCallback) context.getBeanFactory().getSingleton(
                    beanName(context, BusyApplication.ClosingCallback.class));
            assertThat(callback).as("the engine's callback, created for the command").isNotNull();
            assertThat(statuses(context)).containsExactly(DbCommandExecutor.OK);
            assertThat(context.getBeanNamesForType(HealthEndpoint.class)).as("actuator left out").isEmpty();
            assertThat(context.getBeanNamesForType(CommandRegistry.class)).as("Spring Shell left out").isEmpty();
            assertThat(context.getBeanNamesForType(BusyApplication.ReportCache.class)).as("the application's bean")
                    .hasSize(1);
            assertThat(context.getBeanFactory().containsSingleton(beanName(context, BusyApplication.ReportCache.class)))
                    .as("the application's own bean, which the command does not need, is not created").isFalse();
            assertThat(context.getBeanFactory().containsSingleton(beanName(context, BusyApplication.StartupWarmer.class)))
                    .as("nor is the application's event listener, whose work is no part of the command").isFalse();
            assertThat(context.getBeanFactory().containsSingleton("transactionInterceptor"))
                    .as("no transactional bean called: no transaction interceptor (nor the Reactor classes it loads)")
                    .isFalse();
        }
        assertThat(callback.sawTheClose()).as("the event listener of a bean the command created").isTrue();
        // the 'busy' profile's file points at the test scripts: the command migrated with them
        assertThat(SqliteFiles.versions(dir.resolve("app.db"))).containsExactly(SqliteFiles.HEAD);
        try (ConfigurableApplicationContext context = run("db", "current")) {
            assertThat(statuses(context)).containsExactly(DbCommandExecutor.OK);
        }
        assertThat(output.getOut()).contains(SqliteFiles.HEAD + " (head)");
    }

    @Test
    void theWholeContextWhenAskedForOrWhenTheRunIsNotACommand() {
        try (ConfigurableApplicationContext context = run("db", "heads", "--migrate.command-line.minimal-context=false")) {
            assertThat(statuses(context)).containsExactly(DbCommandExecutor.OK);
            assertThat(context.getBeanNamesForType(HealthEndpoint.class)).hasSize(1);
            assertThat(context.getBeanFactory().containsSingleton(beanName(context, BusyApplication.ReportCache.class)))
                    .isTrue();
            assertThat(context.getBean(BusyApplication.StartupWarmer.class).warmed()).isTrue();
        }
        try (ConfigurableApplicationContext context = run()) {
            assertThat(statuses(context)).isEmpty();
            assertThat(context.getBean(BusyApplication.StartupWarmer.class).warmed()).as("a normal start's listeners")
                    .isTrue();
            assertThat(context.getBeanNamesForType(HealthEndpoint.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(CommandRegistry.class)).hasSize(1);
            assertThat(context.getBeanFactory().containsSingleton(beanName(context, BusyApplication.ReportCache.class)))
                    .isTrue();
        }
    }

    /**
     * Boot's class conditions load the classes they name: evaluated after this filter, they are not evaluated for the
     * auto-configurations a one-shot command leaves out (web servers', actuator's, Micrometer's classes stay unloaded).
     */
    @Test
    void theOneShotFilterRunsBeforeBootsOwnFilters() {
        List<AutoConfigurationImportFilter> filters = SpringFactoriesLoader.loadFactories(
                AutoConfigurationImportFilter.class, getClass().getClassLoader());
        assertThat(filters).hasSizeGreaterThan(1).first().isInstanceOf(OneShotAutoConfigurationFilter.class);
    }

    private static String beanName(ConfigurableApplicationContext context, Class<?> type) {
        return context.getBeanNamesForType(type)[0];
    }
}
