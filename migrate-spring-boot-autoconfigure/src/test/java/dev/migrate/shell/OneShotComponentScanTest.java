package dev.migrate.shell;

import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.shell.scanned.ArticleController;
import dev.migrate.shell.scanned.MigrationJournal;
import dev.migrate.shell.scanned.ReportCommands;
import dev.migrate.shell.scanned.ReportService;
import dev.migrate.shell.scanned.ScannedApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-shot command leaves the application's front components (web controllers, Shell command classes) out of the
 * component scan, so that neither they nor what their methods name are loaded; what the command uses from the scan
 * still applies: the application's own DataSource (in a scanned configuration) is the one migrated, and a callback in
 * a scanned component, with the service it depends on, sees every revision. A normal start scans everything.
 */
class OneShotComponentScanTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(ScannedApplication.class);
        // not as arguments: Spring Shell's non-interactive runner would take those of a normal start for a command
        application.setDefaultProperties(Map.of("scanned.database-url", SqliteFiles.url(dir.resolve("app.db")),
                "migrate.locations", SqliteFiles.TEST_LOCATION,
                "migrate.script-directory", dir.resolve("no-working-tree").toString(),
                "spring.shell.interactive.enabled", "false", "migrate.on-startup", "none"));
        return application.run(args);
    }

    @Test
    void aOneShotCommandLeavesFrontComponentsOutAndStillUsesTheApplicationsDataSourceAndCallbacks() {
        try (ConfigurableApplicationContext context = run("db", "upgrade")) {
            assertThat(context.getBean(ScannedApplication.ExitStatuses.class).values())
                    .containsExactly(DbCommandExecutor.OK);
            assertThat(context.getBeanNamesForType(ArticleController.class)).as("web controller")
                    .isEmpty();
            assertThat(context.getBeanNamesForType(ReportCommands.class)).as("Shell commands")
                    .isEmpty();
            assertThat(context.getBean(MigrationJournal.class).revisions())
                    .as("the scanned callback, through its scanned transactional service").endsWith(SqliteFiles.HEAD)
                    .contains(SqliteFiles.FIRST);
            String service = context.getBeanNamesForType(ReportService.class)[0];
            assertThat(context.getBeanFactory().containsSingleton(service)).as("defined, never created").isFalse();
        }
        assertThat(SqliteFiles.versions(dir.resolve("app.db"))).as("the application's DataSource migrated")
                .containsExactly(SqliteFiles.HEAD);
    }

    @Test
    void aNormalStartScansEverything() {
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getBeanNamesForType(ArticleController.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(ReportCommands.class)).hasSize(1);
        }
    }

    @Test
    void theFilterJudgesFromTheClassFileAndKeepsWhatACommandConsumes() throws Exception {
        var factory = new org.springframework.core.type.classreading.SimpleMetadataReaderFactory();
        OneShotComponentFilter filter = new OneShotComponentFilter();
        assertThat(filter.match(factory.getMetadataReader(ArticleController.class.getName()), factory))
                .isTrue();
        assertThat(filter.match(factory.getMetadataReader(ReportCommands.class.getName()), factory))
                .isTrue();
        assertThat(filter.match(factory.getMetadataReader(ReportService.class.getName()), factory))
                .isFalse();
        assertThat(filter.match(factory.getMetadataReader(CallbackController.class.getName()), factory))
                .as("a controller that is also a callback").isFalse();
    }

    /** A front component that a command consumes all the same (through an interface it inherits). */
    @org.springframework.stereotype.Controller
    static class CallbackController extends CallbackBase {
    }

    abstract static class CallbackBase implements dev.migrate.runtime.MigrationCallback {
    }
}
