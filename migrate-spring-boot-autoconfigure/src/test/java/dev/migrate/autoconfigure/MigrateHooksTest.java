package dev.migrate.autoconfigure;

import dev.migrate.autogenerate.IncludeName;
import dev.migrate.autogenerate.ProcessRevisionDirectives;
import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.autoconfigure.models.ScannedNote;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.op.DropTable;
import dev.migrate.runtime.MigrationCallback;
import dev.migrate.runtime.MigrationEvent;
import dev.migrate.schema.ModelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.migrate.autoconfigure.SqliteFiles.FIRST;
import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static dev.migrate.autoconfigure.SqliteFiles.tables;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's hooks as beans: MigrationCallback beans around the startup upgrade in their @Order, an IncludeName
 * bean (Alembic's include_name) and ProcessRevisionDirectives beans (process_revision_directives) for db migrate.
 */
class MigrateHooksTest {

    @TempDir
    Path dir;

    /** Each callback writes a line per event it is told of; the first also refreshes a table after the run. */
    @Configuration(proxyBeanMethods = false)
    static class Callbacks {

        @Bean
        List<String> calls() {
            return new ArrayList<>();
        }

        @Bean
        @Order(2)
        MigrationCallback late(List<String> calls) {
            return new Recorder("late", calls);
        }

        @Bean
        @Order(1)
        MigrationCallback early(List<String> calls) {
            return new Recorder("early", calls) {
                @Override
                public void afterRun(MigrationEvent event) throws Exception {
                    super.afterRun(event);
                    try (Statement statement = event.connection().createStatement()) {
                        statement.execute("CREATE TABLE refreshed AS SELECT COUNT(*) AS people FROM person");
                    }
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingCallback {

        @Bean
        MigrationCallback grants() {
            return new Grants();
        }
    }

    /** Refuses the second revision, as a failing GRANT would. */
    static final class Grants implements MigrationCallback {
        @Override
        public void afterRevision(MigrationEvent event) {
            if (event.revision().orElseThrow().equals(HEAD)) {
                throw new IllegalStateException("role app_reader does not exist");
            }
        }
    }

    @Test
    void callbackBeansRunAroundTheStartupUpgradeInTheirOrder() {
        runner().withUserConfiguration(Callbacks.class).run(context -> {
            assertThat(context).hasNotFailed();
            @SuppressWarnings("unchecked")
            List<String> calls = context.getBean("calls", List.class);
            assertThat(calls).containsExactly("early beforeRun", "late beforeRun",
                    "early beforeRevision " + FIRST, "late beforeRevision " + FIRST,
                    "early afterRevision " + FIRST, "late afterRevision " + FIRST,
                    "early beforeRevision " + HEAD, "late beforeRevision " + HEAD,
                    "early afterRevision " + HEAD, "late afterRevision " + HEAD,
                    "early afterRun 2", "late afterRun 2");
        });
        assertThat(SqliteFiles.strings(dir.resolve("app.db"), "SELECT people FROM refreshed")).containsExactly("1");
    }

    @Test
    void aFailingCallbackBeanFailsTheStartupUpgradeNamingIt() {
        runner().withUserConfiguration(FailingCallback.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("upgrade of revision " + HEAD + " failed in callback " + Grants.class.getName()
                            + " (afterRevision)")
                    .hasStackTraceContaining("role app_reader does not exist");
        });
        assertThat(tables(dir.resolve("app.db"))).contains("person").doesNotContain("pet");
    }

    @Configuration(proxyBeanMethods = false)
    static class Notes {
        @Bean
        ModelSource notes() {
            return ModelSource.annotated(ScannedNote.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoLegacyTables {
        @Bean
        IncludeName includeName() {
            return name -> !name.startsWith("legacy_");
        }
    }

    @Test
    void anIncludeNameBeanKeepsTablesOutOfTheComparison() throws Exception {
        try (var connection = DriverManager.getConnection(url(dir.resolve("app.db")));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE legacy_audit (id INTEGER PRIMARY KEY)");
        }
        runner().withUserConfiguration(Notes.class).run(context -> assertThat(context.getBean(Migrate.class).check()
                .differences()).contains("Detected removed table 'legacy_audit'"));
        runner().withUserConfiguration(Notes.class, NoLegacyTables.class).run(context -> assertThat(
                context.getBean(Migrate.class).check().differences())
                .contains("Detected added table 'scanned_note'")
                .noneMatch(line -> line.contains("legacy_audit")));
    }

    @Configuration(proxyBeanMethods = false)
    static class Directives {

        @Bean
        @Order(1)
        ProcessRevisionDirectives keepTables() {
            return revision -> revision.operations().stream().filter(operation -> !(operation instanceof DropTable)).toList();
        }

        @Bean
        @Order(2)
        ProcessRevisionDirectives skipWorkInProgress() {
            return revision -> revision.message().startsWith("wip") ? List.of() : revision.operations();
        }
    }

    @Test
    void processRevisionDirectivesBeansRewriteOrSuppressTheGeneratedScript() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("migrations"));
        try (var files = Files.list(Path.of("src/test/resources/db/test-migrations"))) {
            for (Path file : files.toList()) {
                Files.copy(file, scripts.resolve(file.getFileName()));
            }
        }
        runner().withUserConfiguration(Notes.class, Directives.class)
                .withPropertyValues("migrate.script-directory=" + scripts)
                .run(context -> {
                    Migrate migrate = context.getBean(Migrate.class);
                    AutogenerateResult skipped = migrate.migrate(RevisionRequest.withMessage("wip notes"), RenameDecider.NEVER);
                    assertThat(skipped.wroteScript()).isFalse();
                    assertThat(skipped.detected()).contains("Detected added table 'scanned_note'");

                    AutogenerateResult written = migrate.migrate(RevisionRequest.withMessage("notes"), RenameDecider.NEVER);
                    assertThat(written.detected()).containsExactly("Detected added table 'scanned_note'");
                    assertThat(Files.readString(written.script().path())).contains("CREATE TABLE scanned_note")
                            .doesNotContain("DROP TABLE person");
                });
        try (var files = Files.list(scripts)) {
            assertThat(files).hasSize(3);
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")), "migrate.locations=" + TEST_LOCATION,
                        "migrate.script-directory=target/no-such-directory");
    }

    /** Writes one line per event. */
    static class Recorder implements MigrationCallback {
        private final String name;
        private final List<String> calls;

        Recorder(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        public void beforeRun(MigrationEvent event) {
            calls.add(name + " beforeRun");
        }

        @Override
        public void beforeRevision(MigrationEvent event) {
            calls.add(name + " beforeRevision " + event.revision().orElseThrow());
        }

        @Override
        public void afterRevision(MigrationEvent event) {
            calls.add(name + " afterRevision " + event.revision().orElseThrow());
        }

        @Override
        public void afterRun(MigrationEvent event) throws Exception {
            calls.add(name + " afterRun " + event.applied().size());
        }
    }
}
