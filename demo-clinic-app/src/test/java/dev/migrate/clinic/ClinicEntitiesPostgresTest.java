package dev.migrate.clinic;

import dev.migrate.testsupport.PostgresServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ClinicEntitiesContract} on a fresh database of the suite's PostgreSQL: the scripts of db/migrations/postgresql. */
@SpringBootTest
class ClinicEntitiesPostgresTest extends ClinicEntitiesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::user);
    }
}
