package dev.migrate.test;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password of a context's {@link JdbcConnectionDetails} bean (what Testcontainers' {@code @ServiceConnection}
 * declares) reaches psql in the offline check, as {@code PGPASSWORD}. The suite's server trusts every login, so a
 * wrapper around the real psql writes down the password it was given.
 */
@PostgresTest
@SpringJUnitConfig(ConnectionDetailsPasswordTest.App.class)
@ExtendWith(MigrationChecksExtension.class)
class ConnectionDetailsPasswordTest {

    static final String PASSWORD = "s3cret";

    @Configuration(proxyBeanMethods = false)
    static class App {

        @Bean
        JdbcConnectionDetails connectionDetails() {
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
                    return PASSWORD;
                }
            };
        }

        @Bean
        Migrate migrate(JdbcConnectionDetails details) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(details.getJdbcUrl());
            dataSource.setUser(details.getUsername());
            dataSource.setPassword(details.getPassword());
            return new Migrate(MigrateConfig.builder().dataSource(dataSource).dialect("postgresql")
                    .location("classpath:kit/sound").build());
        }
    }

    @TempDir
    Path tmp;

    @Test
    void theOfflineCheckLogsInWithTheDetailsPassword(MigrationChecks checks) throws IOException {
        Path psql = tmp.resolve("psql");
        Files.writeString(psql, "#!/bin/sh\nprintf '%s' \"$PGPASSWORD\" > \"$(dirname \"$0\")/password\"\n"
                + "exec psql \"$@\"\n");
        Files.setPosixFilePermissions(psql, PosixFilePermissions.fromString("rwx------"));

        checks.databaseClient(psql).assertOfflineMatchesOnline();

        assertThat(tmp.resolve("password")).hasContent(PASSWORD);
    }
}
