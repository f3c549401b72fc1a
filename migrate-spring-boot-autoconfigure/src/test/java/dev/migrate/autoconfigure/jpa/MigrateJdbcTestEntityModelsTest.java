package dev.migrate.autoconfigure.jpa;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;

/**
 * A {@code @JdbcTest} of an application with JPA entities (JPA itself is not in the slice): the migrations run before
 * the test, and the entities are the engine's models as in the whole application.
 */
@JdbcTest
@ContextConfiguration(classes = PeopleApplication.class)
@TestPropertySource(properties = {"migrate.locations=classpath:db/test-migrations",
        "migrate.script-directory=target/no-such-directory"})
class MigrateJdbcTestEntityModelsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Migrate migrate;

    @Test
    void theDatabaseIsMigratedAndTheEntitiesAreModels() {
        SliceExpectations.migratedBeforeTheTest(dataSource, migrate);
    }
}
