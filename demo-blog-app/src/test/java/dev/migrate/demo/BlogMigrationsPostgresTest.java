package dev.migrate.demo;

import dev.migrate.test.MigrationChecks;
import dev.migrate.test.MigrationTests;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BlogMigrationsTest} on PostgreSQL, reached as a Testcontainers {@code @ServiceConnection} reaches its
 * container: through a {@link JdbcConnectionDetails} bean (what {@code @ServiceConnection} declares), here pointing
 * at a fresh database on the suite's server; {@code spring.datasource.url} still names the demo's SQLite file and
 * loses to the bean. The demo's PostgreSQL scripts come from {@code {vendor}} in its locations.
 */
@PostgresTest
@SpringBootTest(properties = "spring.shell.interactive.enabled=false")
class BlogMigrationsPostgresTest implements MigrationTests, BlogDataSurvives {

    @TempDir
    static Path temp;

    @TestConfiguration(proxyBeanMethods = false)
    static class ServiceConnection {

        @Bean
        JdbcConnectionDetails postgresConnectionDetails() {
            PostgresServer server = PostgresServer.shared();
            String url = server.jdbcUrl(server.createDatabase());
            return new JdbcConnectionDetails() {
                @Override
                public String getJdbcUrl() {
                    return url;
                }

                @Override
                public String getUsername() {
                    return server.user();
                }

                @Override
                public String getPassword() {
                    return server.password();
                }
            };
        }
    }

    @Autowired
    JdbcConnectionDetails serviceConnection;

    @Test
    void theChecksRunOnTheDatabaseTheConnectionDetailsName(MigrationChecks checks) throws SQLException {
        try (Connection connection = checks.migrate().config().dataSource().getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith(serviceConnection.getJdbcUrl());
        }
    }

    @DynamicPropertySource
    static void shellHistory(DynamicPropertyRegistry registry) {
        registry.add("spring.shell.history.name", () -> temp.resolve("history.log").toString());
    }
}
