package dev.migrate.demo;

import dev.migrate.test.MigrationTests;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** {@link BlogMigrationsTest} on PostgreSQL: the demo's PostgreSQL scripts
 * ({@code {vendor}} in its locations picks them from the URL), a fresh database. */
@PostgresTest
@SpringBootTest(properties = "spring.shell.interactive.enabled=false")
class BlogMigrationsPostgresTest implements MigrationTests {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::user);
        registry.add("spring.shell.history.name", () -> temp.resolve("history.log").toString());
    }
}
