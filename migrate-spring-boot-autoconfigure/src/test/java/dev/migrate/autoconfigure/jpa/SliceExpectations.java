package dev.migrate.autoconfigure.jpa;

import dev.migrate.command.Migrate;
import dev.migrate.schema.ModelSource;
import dev.migrate.schema.Table;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every test slice over {@link PeopleApplication} must find before its first test: the migrations of
 * db/test-migrations applied (Ada's row, the version table at the head), Hibernate reading the migrated table, and the
 * entities among the engine's models, as in the whole application (so that 'db check' and the test kit compare them).
 */
final class SliceExpectations {

    private SliceExpectations() {
    }

    static void migratedBeforeTheTest(PersonRepository people, DataSource dataSource, Migrate migrate) {
        assertThat(people.findAll()).extracting(Person::getName).containsExactly("Ada");
        migratedBeforeTheTest(dataSource, migrate);
    }

    /** For slices without JPA ({@code @JdbcTest}): the entities are models all the same, read without JPA. */
    static void migratedBeforeTheTest(DataSource dataSource, Migrate migrate) {
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT name FROM person WHERE person_id = 1",
                String.class)).isEqualTo("Ada");
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT version_num FROM alembic_version", String.class))
                .containsExactly("f6e5d4c3b2a1");
        assertThat(migrate.config().models().stream().map(ModelSource::schema)
                .flatMap(schema -> schema.tables().stream()).map(Table::name)).contains("person");
    }
}
