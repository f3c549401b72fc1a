package dev.migrate.autoconfigure.jpa;

import org.junit.jupiter.api.Test;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @DataJpaTest} with Boot's default: the DataSource replaced by an embedded H2 database. The migrations run
 * on it before the test, and Hibernate leaves the schema to them instead of Boot's create-drop for embedded databases.
 */
@DataJpaTest
@ContextConfiguration(classes = PeopleApplication.class)
@TestPropertySource(properties = {"migrate.locations=classpath:db/test-migrations",
        "migrate.script-directory=target/no-such-directory"})
class MigrateDataJpaTestOnEmbeddedH2Test extends MigratedPeopleContract {

    /**
     * {@code db check} on the embedded H2 database at head, with Hibernate's H2 mapping of {@link Person}: exactly what
     * the scripts of db/test-migrations say otherwise than the entity (name is VARCHAR(100) NOT NULL there, a String
     * column of 255 that may be null in the entity; pet has no entity), nothing else (the key, its INTEGER column).
     */
    @Test
    void dbCheckComparesTheEntitiesWithTheMigratedH2Database() {
        assertThat(migrate.check().lines()).containsExactly(
                "New upgrade operations detected (3); run 'db migrate' to write them:",
                "  Detected type change from VARCHAR(100) to VARCHAR(255) on 'person.name'",
                "  Detected NULL on column 'person.name'",
                "  Detected removed table 'pet'",
                "WARNING: pet: dropping the table loses all its rows");
    }
}
