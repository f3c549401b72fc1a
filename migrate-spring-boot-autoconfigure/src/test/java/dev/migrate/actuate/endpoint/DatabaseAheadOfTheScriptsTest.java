package dev.migrate.actuate.endpoint;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static dev.migrate.autoconfigure.SqliteFiles.TEST_LOCATION;
import static dev.migrate.autoconfigure.SqliteFiles.url;
import static dev.migrate.autoconfigure.SqliteFiles.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An application rolled back to an older image, whose database a newer one migrated: the version table holds a
 * revision no script knows. It starts (WARN, health AHEAD and HTTP 200, the endpoint lists the revision) instead of
 * crash-looping, unless migrate.on-unknown-revision=fail; db upgrade run by hand still refuses.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseAheadOfTheScriptsTest {

    private static final String NEWER = "0000feed0001";

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrationsEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
            HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class})
    static class App {
    }

    /** The database as the newer version of the application left it: at a revision the older scripts do not have. */
    @BeforeEach
    void migratedByANewerVersion() throws Exception {
        start().close();
        try (Connection connection = DriverManager.getConnection(url(dir.resolve("app.db")))) {
            connection.createStatement().executeUpdate("UPDATE alembic_version SET version_num = '" + NEWER + "'");
        }
    }

    private ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 4];
        all[0] = "--spring.datasource.url=" + url(dir.resolve("app.db"));
        all[1] = "--migrate.locations=" + TEST_LOCATION;
        all[2] = "--migrate.script-directory=target/no-such-directory";
        all[3] = "--management.endpoints.web.exposure.include=health,migrations";
        System.arraycopy(args, 0, all, 4, args.length);
        return application.run(all);
    }

    @Test
    void byDefaultItStartsWithAWarningAndReportsAheadWithHttp200(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(output).contains("WARN").contains("The database is ahead of the scripts: its version table holds "
                    + NEWER + ", which no script of this application knows");
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            var aggregate = health.health();
            assertThat(aggregate.getStatus()).isEqualTo(MigrationsHealthIndicator.AHEAD);
            assertThat(context.getBean(HttpCodeStatusMapper.class).getStatusCode(aggregate.getStatus())).isEqualTo(200);
            var described = context.getBean(MigrationsEndpoint.class).migrations().engines().get("migrate").status();
            assertThat(described.unknownInDatabase()).containsExactly(NEWER);
        }
        assertThat(versions(dir.resolve("app.db"))).containsExactly(NEWER);
    }

    @Test
    void onUnknownRevisionFailMakesItFatalWithOneLine() {
        Throwable failure = catchThrowable(() -> start("--migrate.on-unknown-revision=fail").close());
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(MigrateException.class);
        assertThat(root.getMessage()).doesNotContain("\n").contains(NEWER)
                .contains("migrate.on-unknown-revision=warn");
    }

    @Test
    void aPendingRevisionStillAnswersOutOfDate503() throws Exception {
        try (Connection connection = DriverManager.getConnection(url(dir.resolve("app.db")))) {
            connection.createStatement().executeUpdate("UPDATE alembic_version SET version_num = '" + SqliteFiles.FIRST + "'");
        }
        try (ConfigurableApplicationContext context = start("--migrate.on-startup=none")) {
            var aggregate = context.getBean(HealthEndpoint.class).health();
            assertThat(aggregate.getStatus()).isEqualTo(MigrationsHealthIndicator.OUT_OF_DATE);
            assertThat(context.getBean(HttpCodeStatusMapper.class).getStatusCode(aggregate.getStatus())).isEqualTo(503);
        }
    }

    @Test
    void dbUpgradeRunByHandKeepsRefusing() {
        try (ConfigurableApplicationContext context = start()) {
            Throwable refused = catchThrowable(() -> context.getBean(Migrate.class).upgrade("heads"));
            assertThat(refused).isInstanceOf(MigrateException.class);
            assertThat(refused.getMessage()).doesNotContain("\n").contains(NEWER).contains("no script knows");
        }
    }
}
