package dev.migrate.autoconfigure.jpa;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@code @DataJpaTest} with Boot's default: the DataSource replaced by an embedded H2 database. The migrations run
 * on it before the test, and Hibernate leaves the schema to them instead of Boot's create-drop for embedded databases.
 */
@DataJpaTest
@ContextConfiguration(classes = PeopleApplication.class)
@TestPropertySource(properties = {"migrate.locations=classpath:db/test-migrations",
        "migrate.script-directory=target/no-such-directory"})
class MigrateDataJpaTestOnEmbeddedH2Test extends MigratedPeopleContract {
}
