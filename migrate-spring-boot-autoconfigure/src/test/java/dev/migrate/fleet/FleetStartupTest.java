package dev.migrate.fleet;

import dev.migrate.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.actuate.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateFleetTargets;
import dev.migrate.autoconfigure.SqliteFiles;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migrate.fleet.schemas (schema-per-tenant) and MigrateFleetTargets beans (shards): every target upgraded at startup
 * before the application uses the database, a failing target stopping only itself (then the startup fails, naming it,
 * unless migrate.fleet.on-failure=continue), every target on the endpoint and in health.
 */
@PostgresTest
class FleetStartupTest {

    private static final String HEAD = "aa0000000002";

    @TempDir
    Path dir;

    /** Two revisions; the second makes accounts.email unique, which fails where a tenant's data has duplicates. */
    private Path scripts() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("aa0000000001_accounts.sql"), script("aa0000000001", "",
                "CREATE TABLE accounts (id INTEGER PRIMARY KEY, email VARCHAR(100));", "DROP TABLE accounts;"));
        Files.writeString(scripts.resolve("aa0000000002_unique_email.sql"), script(HEAD, "aa0000000001",
                "CREATE UNIQUE INDEX accounts_email ON accounts (email);", "DROP INDEX accounts_email;"));
        return scripts;
    }

    private static String script(String id, String revises, String upgrade, String downgrade) {
        return """
                -- %s
                --
                -- Revision ID: %s
                -- Revises: %s
                -- Create Date: 2026-12-07 10:00:00.000000
                -- Branch Labels:
                -- Depends On:

                -- migrate:upgrade
                %s

                -- migrate:downgrade
                %s
                """.formatted(id, id, revises, upgrade, downgrade);
    }

    private ApplicationContextRunner runner(PostgresServer server, String database) throws IOException {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        MigrateAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + server.jdbcUrl(database),
                        "spring.datasource.username=" + server.user(),
                        "migrate.locations=filesystem:" + scripts(), "migrate.script-directory=target/no-such-directory",
                        "migrate.fleet.schemas=tenant_a,tenant_b,tenant_c", "migrate.fleet.parallelism=2",
                        "management.endpoints.web.exposure.include=migrations");
    }

    private static List<String> query(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** tenant_b at the first revision, with two accounts of one email: its second revision fails. */
    private static void duplicateEmailsInTenantB(PostgresServer server, String database) throws SQLException {
        execute(server, database, "CREATE SCHEMA tenant_b; CREATE TABLE tenant_b.accounts (id INTEGER PRIMARY KEY, "
                + "email VARCHAR(100)); INSERT INTO tenant_b.accounts VALUES (1, 'a@example.com'), (2, 'a@example.com');"
                + "CREATE TABLE tenant_b.alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);"
                + "INSERT INTO tenant_b.alembic_version VALUES ('aa0000000001')");
    }

    @Test
    void everySchemaIsUpgradedAtStartupAndListedByTheEndpointAndHealth(PostgresServer server) throws Exception {
        String database = server.createDatabase();
        runner(server, database).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM tenant_c.accounts",
                    Integer.class)).isZero();
            // the pool's connections, used by the tenants' runs, are back on the application's own schema
            for (int i = 0; i < 12; i++) {
                assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT current_schema()", String.class))
                        .isEqualTo("public");
            }
            MigrationsEndpoint.MigrationsDescriptor described = context.getBean(MigrationsEndpoint.class).migrations();
            assertThat(described.engines()).as("the shared database is no target itself").isEmpty();
            assertThat(described.fleet()).containsOnlyKeys("tenant_a", "tenant_b", "tenant_c");
            assertThat(described.fleet().values()).allSatisfy(target -> assertThat(target.status().currentHeads())
                    .containsExactly(HEAD));
            CompositeHealthContributor health = context.getBean("migrationsHealthIndicator", CompositeHealthContributor.class);
            for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
                assertThat(((HealthIndicator) health.getContributor(tenant)).health().getStatus()).isEqualTo(Status.UP);
            }
        });
        for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
            assertThat(query(server, database, "SELECT version_num FROM " + tenant + ".alembic_version")).containsExactly(HEAD);
        }
        assertThat(query(server, database, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .containsExactly("0");
    }

    @Test
    void aFailingTenantFailsTheStartupAfterEveryTenantRanNamingItsFileAndLine(PostgresServer server) throws Exception {
        String database = server.createDatabase();
        duplicateEmailsInTenantB(server, database);
        runner(server, database).run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().message().startsWith("Fleet: 1 of 3 targets failed: tenant_b: ")
                .contains("aa0000000002_unique_email.sql:10").contains("migrate.fleet.on-failure=continue"));
        assertThat(query(server, database, "SELECT version_num FROM tenant_a.alembic_version")).containsExactly(HEAD);
        assertThat(query(server, database, "SELECT version_num FROM tenant_c.alembic_version")).containsExactly(HEAD);
        assertThat(query(server, database, "SELECT version_num FROM tenant_b.alembic_version")).containsExactly("aa0000000001");
    }

    @Test
    void onFailureContinueStartsWithTheFailedTenantDownAndTheOthersUp(PostgresServer server) throws Exception {
        String database = server.createDatabase();
        duplicateEmailsInTenantB(server, database);
        runner(server, database).withPropertyValues("migrate.fleet.on-failure=continue").run(context -> {
            assertThat(context).hasNotFailed();
            CompositeHealthContributor health = context.getBean("migrationsHealthIndicator", CompositeHealthContributor.class);
            var tenantB = ((HealthIndicator) health.getContributor("tenant_b")).health();
            assertThat(tenantB.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(tenantB.getDetails().get("error"))).contains(HEAD);
            assertThat(((HealthIndicator) health.getContributor("tenant_a")).health().getStatus()).isEqualTo(Status.UP);
            assertThat(((HealthIndicator) health.getContributor("tenant_c")).health().getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(MigrationsEndpoint.class).migrationsOf("tenant_b").status().failedAttempts())
                    .isNotEmpty();
        });
    }

    @Test
    void aFleetTargetsBeanAddsShardsOfTheirOwn(PostgresServer server) throws Exception {
        String database = server.createDatabase();
        Path shard = dir.resolve("shard.db");
        runner(server, database).withPropertyValues("migrate.fleet.schemas=tenant_a")
                .withBean(MigrateFleetTargets.class, () -> config -> List.of(
                        FleetTarget.database("shard_1", new DriverManagerDataSource(SqliteFiles.url(shard)), config)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MigrationsEndpoint.class).migrations().fleet()).containsOnlyKeys("tenant_a", "shard_1");
                });
        assertThat(SqliteFiles.versions(shard)).containsExactly(HEAD);
        assertThat(query(server, database, "SELECT version_num FROM tenant_a.alembic_version")).containsExactly(HEAD);
    }
}
