package dev.migrate.autoconfigure.jpa;

import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A {@code @DataJpaTest} on the application's own database ({@code replace = NONE}), on the suite's PostgreSQL. */
@PostgresTest
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = PeopleApplication.class)
class MigrateDataJpaTestOnPostgresTest extends MigratedPeopleContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase();
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::user);
        registry.add("migrate.locations", () -> "classpath:db/test-migrations");
        registry.add("migrate.script-directory", () -> "target/no-such-directory");
    }
}
