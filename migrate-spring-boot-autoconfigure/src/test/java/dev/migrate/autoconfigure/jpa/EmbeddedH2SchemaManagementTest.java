package dev.migrate.autoconfigure.jpa;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Boot's embedded H2 database (no URL, no ddl-auto set: what a {@code @DataJpaTest} gets), the migrations run
 * and Hibernate leaves the schema to them ({@code MigrateSchemaManagementProvider}); without the provider Boot's
 * default for an embedded database, create-drop, would drop the migrated {@code person} table and its row.
 */
class EmbeddedH2SchemaManagementTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
                    MigrateAutoConfiguration.class))
            .withUserConfiguration(PeopleApplication.class)
            .withPropertyValues("spring.datasource.generate-unique-name=true",
                    "migrate.locations=classpath:db/test-migrations",
                    "migrate.script-directory=target/no-such-directory");

    @Test
    void hibernateLeavesTheMigratedSchemaAlone() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            EntityManager entityManager = context.getBean(EntityManager.class);
            assertThat(entityManager.createQuery("SELECT p.name FROM Person p", String.class).getResultList())
                    .containsExactly("Ada");
            assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForList("SELECT version_num FROM alembic_version",
                    String.class)).containsExactly("f6e5d4c3b2a1");
        });
    }
}
