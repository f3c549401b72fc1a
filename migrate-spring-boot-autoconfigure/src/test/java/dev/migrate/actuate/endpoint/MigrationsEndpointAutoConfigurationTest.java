package dev.migrate.actuate.endpoint;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.MigrationStatus;
import dev.migrate.runtime.RepeatableState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations endpoint and health indicator: present with actuator, absent without, and what they say. */
class MigrationsEndpointAutoConfigurationTest {

    private static final String LOCATION = "classpath:db/test-migrations";

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MigrateAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db"),
                        "migrate.locations=" + LOCATION, "migrate.script-directory=target/no-such-directory",
                        "management.endpoints.web.exposure.include=migrations");
    }

    @Test
    void theEndpointReportsEachEngineAtHead() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(MigrationsEndpoint.class);
            var described = context.getBean(MigrationsEndpoint.class).migrations().engines();
            assertThat(described).containsOnlyKeys("migrate");
            MigrationStatus status = described.get("migrate").status();
            assertThat(status.atHead()).isTrue();
            assertThat(status.currentHeads()).isEqualTo(status.scriptHeads());
            assertThat(status.applied()).isNotEmpty().allSatisfy(applied -> assertThat(applied.appliedAt()).isNotNull());
            assertThat(status.database()).isEqualTo("sqlite");
        });
    }

    @Test
    void theEndpointOffersTheGraphAsMermaid() {
        runner().run(context -> {
            MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
            assertThat(endpoint.graphOf("migrate", "mermaid")).startsWith("flowchart BT\n").contains(" --> ");
            assertThat(endpoint.graphOf("migrate", "dot")).startsWith("digraph revisions {");
            assertThat(endpoint.graphOf("migrate", "svg")).as("404").isNull();
            assertThat(endpoint.graphOf("other", "mermaid")).as("404").isNull();
        });
    }

    @Test
    void healthIsOutOfDateUntilTheDatabaseIsAtHead() {
        runner().withPropertyValues("migrate.on-startup=none").run(context -> {
            Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(MigrationsHealthIndicator.OUT_OF_DATE);
            assertThat(health.getDetails()).containsEntry("pending", 2);
        });
        runner().run(context -> assertThat(context.getBean(MigrationsHealthIndicator.class).health(true).getStatus())
                .isEqualTo(Status.UP));
    }

    @Test
    void healthReadsNoScriptBodyWhereTheEndpointChecksumsThem() throws Exception {
        Path scripts = java.nio.file.Files.createDirectories(dir.resolve("migrations"));
        for (String name : new String[] {"a1b2c3d4e5f6_create_person.sql", "f6e5d4c3b2a1_create_pet.sql"}) {
            try (var in = getClass().getResourceAsStream("/db/test-migrations/" + name)) {
                java.nio.file.Files.copy(in, scripts.resolve(name));
            }
        }
        runner().withPropertyValues("migrate.locations=filesystem:" + scripts).run(context -> {
            // bytes that are not UTF-8 below the header: any read of the body fails
            java.nio.file.Files.write(scripts.resolve("a1b2c3d4e5f6_create_person.sql"),
                    new byte[] {'-', '-', ' ', (byte) 0xC3, (byte) 0x28, '\n'}, java.nio.file.StandardOpenOption.APPEND);
            assertThat(context.getBean(MigrationsEndpoint.class).migrations().engines().get("migrate").error())
                    .contains("a1b2c3d4e5f6_create_person.sql");
            Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("pending", 0);
        });
    }

    @Test
    void notExposedMeansNoEndpointBean() {
        runner().withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
    }

    @Test
    void withoutActuatorThereIsNothing() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MigrationsEndpoint.class);
                });
    }

    @Test
    void theEndpointListsTheRepeatableScriptsWithTheirState() throws Exception {
        Path scripts = java.nio.file.Files.createDirectories(dir.resolve("migrations"));
        Path view = java.nio.file.Files.writeString(scripts.resolve("R__answer.sql"), "CREATE VIEW answer AS SELECT 42 AS n;\n");
        runner().withPropertyValues("migrate.locations=" + LOCATION + ",filesystem:" + scripts).run(context -> {
            MigrationStatus status = context.getBean(MigrationsEndpoint.class).migrations().engines().get("migrate").status();
            assertThat(status.repeatables()).singleElement().satisfies(repeatable -> {
                assertThat(repeatable.name()).isEqualTo("answer");
                assertThat(repeatable.state()).isEqualTo(RepeatableState.APPLIED);
                assertThat(repeatable.appliedAt()).isNotNull();
                assertThat(repeatable.checksum()).startsWith("v1:");
            });
            java.nio.file.Files.writeString(view, "CREATE VIEW answer AS SELECT 43 AS n;\n");
            assertThat(context.getBean(MigrationsEndpoint.class).migrations().engines().get("migrate").status().repeatables())
                    .extracting(MigrationStatus.Repeatable::state).containsExactly(RepeatableState.CHANGED);
        });
    }

    @Test
    void aBrokenScriptIsReportedAsTheEnginesErrorNotThrown() throws Exception {
        Path scripts = java.nio.file.Files.createDirectories(dir.resolve("migrations"));
        java.nio.file.Files.writeString(scripts.resolve("abc_broken.sql"), "-- no header at all\nSELECT 1;\n");
        runner().withPropertyValues("migrate.on-startup=none", "migrate.locations=filesystem:" + scripts)
                .run(context -> {
                    var described = context.getBean(MigrationsEndpoint.class).migrations().engines().get("migrate");
                    assertThat(described.status()).isNull();
                    assertThat(described.error()).contains("abc_broken.sql");
                });
    }
}
