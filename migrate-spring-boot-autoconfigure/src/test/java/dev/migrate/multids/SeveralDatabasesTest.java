package dev.migrate.multids;

import dev.migrate.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.actuate.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migrate.actuate.endpoint.MigrationsHealthIndicator;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateDataSource;
import dev.migrate.autoconfigure.MigrateSchemaManagementProvider;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.runtime.MigrationCallback;
import dev.migrate.runtime.MigrationEvent;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.migrate.autoconfigure.SqliteFiles.HEAD;
import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several databases in one application: the auto-configured engine for the application's DataSource and engines the
 * application declares for others ({@code @Bean(defaultCandidate = false)}, so that the auto-configured one stays),
 * all upgraded at startup in their {@code @Order}, each on the endpoint and in health; two DataSources and nothing
 * saying which to migrate fail in one line.
 */
@PostgresTest
class SeveralDatabasesTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        MigrateAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(dir.resolve("app.db")),
                        "migrate.locations=" + TEST_LOCATION, "migrate.script-directory=target/no-such-directory",
                        "management.endpoints.web.exposure.include=migrations")
                .withBean("runs", Runs.class, Runs::new)
                .withUserConfiguration(ApplicationRecording.class);
    }

    /** The auto-configured engine takes the application's MigrationCallback beans: this one records its run. */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationRecording {

        @Bean
        MigrationCallback applicationRecording(Runs runs) {
            return runs.recording("migrate");
        }
    }

    /** The engines' startup runs, in the order they began. */
    static final class Runs {
        final List<String> started = Collections.synchronizedList(new ArrayList<>());

        MigrationCallback recording(String engine) {
            return new MigrationCallback() {
                @Override
                public void beforeRun(MigrationEvent event) {
                    started.add(engine);
                }
            };
        }
    }

    /** One revision creating {@code table}, in a script directory of its own under {@code parent}. */
    private static Path scripts(Path parent, String revision, String table) throws IOException {
        Path directory = Files.createDirectories(parent);
        Files.writeString(directory.resolve(revision + "_" + table + ".sql"), """
                -- %s
                --
                -- Revision ID: %s
                -- Revises:
                -- Create Date: 2026-12-07 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                CREATE TABLE %s (id INTEGER PRIMARY KEY);

                -- migrate:downgrade
                DROP TABLE %s;
                """.formatted(table, revision, table, table));
        return directory;
    }

    private static Migrate engine(DataSource dataSource, Path scripts, MigrationCallback callback) {
        return new Migrate(MigrateConfig.builder().dataSource(dataSource).location("filesystem:" + scripts)
                .scriptDirectory(Path.of("target/no-such-directory")).callback(callback).build());
    }

    private static DataSource sqlite(Path file) {
        return new DriverManagerDataSource(url(file));
    }

    /** Declared before reporting but ordered after it. */
    @Configuration(proxyBeanMethods = false)
    static class AuditDatabase {

        @Bean(defaultCandidate = false)
        DataSource auditDataSource(Path auditFile) {
            return sqlite(auditFile);
        }

        @Bean(defaultCandidate = false)
        @Order(2)
        Migrate auditMigrate(@Qualifier("auditDataSource") DataSource dataSource, Runs runs, Path auditScripts) {
            return engine(dataSource, auditScripts, runs.recording("auditMigrate"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReportingDatabase {

        @Bean(defaultCandidate = false)
        DataSource reportingDataSource(Path reportingFile) {
            return sqlite(reportingFile);
        }

        @Bean(defaultCandidate = false)
        @Order(1)
        Migrate reportingMigrate(@Qualifier("reportingDataSource") DataSource dataSource, Runs runs, Path reportingScripts) {
            return engine(dataSource, reportingScripts, runs.recording("reportingMigrate"));
        }
    }

    private ApplicationContextRunner withAuditAndReporting(Path reportingScripts) throws IOException {
        Path auditScripts = scripts(dir.resolve("audit-scripts"), "aaaa00000001", "audit_entry");
        return runner()
                .withBean("auditFile", Path.class, () -> dir.resolve("audit.db"))
                .withBean("auditScripts", Path.class, () -> auditScripts)
                .withBean("reportingFile", Path.class, () -> dir.resolve("reporting.db"))
                .withBean("reportingScripts", Path.class, () -> reportingScripts)
                .withUserConfiguration(AuditDatabase.class, ReportingDatabase.class);
    }

    @Test
    void everyEngineIsUpgradedAtStartupInItsOrderBeforeTheApplicationUsesTheDatabase() throws IOException {
        Path reportingScripts = scripts(dir.resolve("reporting-scripts"), "bbbb00000001", "report");
        withAuditAndReporting(reportingScripts)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Migrate.class)).as("the auto-configured engine stays the application's")
                            .isSameAs(context.getBean("migrate"));
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM person", Integer.class))
                            .isEqualTo(1);
                    assertThat(context.getBean(MigrateSchemaManagementProvider.class)
                            .getSchemaManagement(context.getBean("reportingDataSource", DataSource.class)))
                            .as("Hibernate leaves the reporting schema to its migrations too").isEqualTo(SchemaManagement.MANAGED);
                });
        assertThat(SqliteFiles.versions(dir.resolve("app.db"))).containsExactly(HEAD);
        assertThat(SqliteFiles.tables(dir.resolve("reporting.db"))).contains("report").doesNotContain("person");
        assertThat(SqliteFiles.versions(dir.resolve("reporting.db"))).containsExactly("bbbb00000001");
        assertThat(SqliteFiles.tables(dir.resolve("audit.db"))).contains("audit_entry");
        assertThat(SqliteFiles.versions(dir.resolve("audit.db"))).containsExactly("aaaa00000001");
    }

    @Test
    void theEnginesRunInTheirOrderAndTheUnorderedAutoConfiguredOneLast() throws IOException {
        Path reportingScripts = scripts(dir.resolve("reporting-scripts"), "bbbb00000001", "report");
        withAuditAndReporting(reportingScripts)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Runs.class).started)
                            .containsExactly("reportingMigrate", "auditMigrate", "migrate");
                });
    }

    @Test
    void theEndpointListsEachDatabaseAndHealthHasAComponentPerEngine() throws IOException {
        Path reportingScripts = scripts(dir.resolve("reporting-scripts"), "bbbb00000001", "report");
        withAuditAndReporting(reportingScripts).run(context -> {
            assertThat(context).hasNotFailed();
            var engines = context.getBean(MigrationsEndpoint.class).migrations().engines();
            assertThat(engines).containsOnlyKeys("migrate", "auditMigrate", "reportingMigrate");
            assertThat(engines.values()).allSatisfy(engine -> assertThat(engine.status().atHead()).isTrue());
            assertThat(engines.get("reportingMigrate").status().currentHeads()).containsExactly("bbbb00000001");

            // a new reporting script after startup: that database alone is behind
            Files.writeString(reportingScripts.resolve("bbbb00000002_more.sql"), """
                    -- more
                    --
                    -- Revision ID: bbbb00000002
                    -- Revises: bbbb00000001
                    -- Create Date: 2026-12-07 11:00:00.000000

                    -- migrate:upgrade
                    CREATE TABLE more_reports (id INTEGER PRIMARY KEY);

                    -- migrate:downgrade
                    DROP TABLE more_reports;
                    """);
            CompositeHealthContributor health = context.getBean("migrationsHealthIndicator", CompositeHealthContributor.class);
            assertThat(((HealthIndicator) health.getContributor("reportingMigrate")).health().getStatus())
                    .isEqualTo(MigrationsHealthIndicator.OUT_OF_DATE);
            assertThat(((HealthIndicator) health.getContributor("auditMigrate")).health().getStatus()).isEqualTo(Status.UP);
            assertThat(((HealthIndicator) health.getContributor("migrate")).health().getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(MigrationsEndpoint.class).migrations().engines().get("reportingMigrate").status()
                    .pending()).hasSize(1);
        });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** An application with actuator's health endpoint, its own database and a reporting database. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrationsEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
            HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class})
    static class HealthApp {

        @Bean(defaultCandidate = false)
        Migrate reportingMigrate(@Value("${test.reporting-url}") String url, @Value("${test.reporting-scripts}") Path scripts) {
            return engine(new DriverManagerDataSource(url), scripts, new MigrationCallback() { });
        }
    }

    @Test
    void theAggregateHealthIsOutOfDateAnd503WhenOneDatabaseIsBehind() throws IOException {
        Path reportingScripts = scripts(dir.resolve("reporting-scripts"), "bbbb00000001", "report");
        SpringApplication application = new SpringApplication(HealthApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url(dir.resolve("app.db")),
                "--migrate.locations=" + TEST_LOCATION, "--migrate.script-directory=target/no-such-directory",
                "--test.reporting-url=" + url(dir.resolve("reporting.db")), "--test.reporting-scripts=" + reportingScripts)) {
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            scripts(reportingScripts, "bbbb00000002", "more_reports"); // a second root: the reporting database is behind
            assertThat(health.healthForPath("migrations", "reportingMigrate").getStatus())
                    .isEqualTo(MigrationsHealthIndicator.OUT_OF_DATE);
            assertThat(health.healthForPath("migrations", "migrate").getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getStatus()).isEqualTo(MigrationsHealthIndicator.OUT_OF_DATE);
            assertThat(context.getBean(HttpCodeStatusMapper.class).getStatusCode(health.health().getStatus())).isEqualTo(503);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        DataSource ordersDataSource(Path dir) {
            return sqlite(dir.resolve("orders.db"));
        }

        @Bean
        DataSource customersDataSource(Path dir) {
            return sqlite(dir.resolve("customers.db"));
        }
    }

    @Test
    void twoDataSourcesAndNoneMarkedFailInOneLineSayingWhatToDo() {
        runner().withBean("dir", Path.class, () -> dir).withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()).getMessage()).doesNotContain("\n")
                    .contains("2 DataSource beans", "ordersDataSource", "customersDataSource", "@MigrateDataSource", "@Primary");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSourcesOneMarked {

        @Bean
        DataSource ordersDataSource(Path dir) {
            return sqlite(dir.resolve("orders.db"));
        }

        @Bean
        @MigrateDataSource
        DataSource customersDataSource(Path dir) {
            return sqlite(dir.resolve("customers.db"));
        }
    }

    @Test
    void theMarkedOneOfTwoDataSourcesIsMigrated() {
        runner().withBean("dir", Path.class, () -> dir).withUserConfiguration(TwoDataSourcesOneMarked.class)
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(SqliteFiles.versions(dir.resolve("customers.db"))).containsExactly(HEAD);
        assertThat(SqliteFiles.tables(dir.resolve("orders.db"))).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSourcesBothMarked {

        @Bean
        @MigrateDataSource
        DataSource ordersDataSource(Path dir) {
            return sqlite(dir.resolve("orders.db"));
        }

        @Bean
        @MigrateDataSource
        DataSource customersDataSource(Path dir) {
            return sqlite(dir.resolve("customers.db"));
        }
    }

    @Test
    void twoDataSourcesBothMarkedFailInOneLine() {
        runner().withBean("dir", Path.class, () -> dir).withUserConfiguration(TwoDataSourcesBothMarked.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure()).getMessage()).doesNotContain("\n")
                    .contains("2 DataSource beans are marked @MigrateDataSource", "ordersDataSource", "customersDataSource");
        });
    }

    @Test
    void theSecondDatabaseMayBeTheSuitesPostgres(PostgresServer postgres) throws Exception {
        String database = postgres.createDatabase();
        Path reportingScripts = scripts(dir.resolve("reporting-scripts"), "cccc00000001", "report");
        runner().withBean("postgresReporting", Migrate.class,
                        () -> engine(new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password()),
                                reportingScripts, new MigrationCallback() { }),
                        definition -> ((org.springframework.beans.factory.support.AbstractBeanDefinition) definition).setDefaultCandidate(false))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MigrationsEndpoint.class).migrations().engines().get("postgresReporting")
                            .status().database()).isEqualTo("postgresql");
                });
        assertThat(SqliteFiles.versions(dir.resolve("app.db"))).containsExactly(HEAD);
        try (Connection connection = postgres.connect(database);
             ResultSet rows = connection.createStatement().executeQuery("SELECT version_num FROM alembic_version")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("cccc00000001");
        }
    }
}
