package dev.migrate.autoconfigure.jpa;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

/**
 * The test each kind of Spring test context over {@link PeopleApplication} with JPA passes: see
 * {@link SliceExpectations}. Subclasses say the kind ({@code @DataJpaTest}, {@code @SpringBootTest}) and the database.
 */
abstract class MigratedPeopleContract {

    @Autowired
    PersonRepository people;

    @Autowired
    DataSource dataSource;

    @Autowired
    Migrate migrate;

    @Test
    void theDatabaseIsMigratedBeforeTheTest() {
        SliceExpectations.migratedBeforeTheTest(people, dataSource, migrate);
    }
}
