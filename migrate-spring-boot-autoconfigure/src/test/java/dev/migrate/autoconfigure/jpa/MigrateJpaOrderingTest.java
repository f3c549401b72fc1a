package dev.migrate.autoconfigure.jpa;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.testsupport.PostgresServer;
import dev.migrate.testsupport.PostgresTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate starts after the startup upgrade, as it does after Flyway: the {@code person} table exists only
 * once the first script in db/test-migrations has run, and {@code ddl-auto=validate} fails the startup when it is
 * missing. The readers are user beans, so they are created before any auto-configured bean; only the
 * dependency that Boot adds from {@code MigrateDatabaseInitializerDetector} (EntityManagerFactory on
 * MigrateInitializer) makes the upgrade run first. Checked by hand: without the detector's entry in
 * META-INF/spring.factories the first test fails with "missing table [person]".
 */
@PostgresTest
class MigrateJpaOrderingTest {

    private static ApplicationContextRunner runner(PostgresServer postgres) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
                        MigrateAutoConfiguration.class))
                .withUserConfiguration(PeopleApplication.class)
                .withBean(PeopleFromRepository.class)
                .withBean(PeopleFromEntityManager.class)
                .withPropertyValues("spring.datasource.url=" + postgres.jdbcUrl(postgres.createDatabase()),
                        "spring.datasource.username=" + postgres.user(),
                        "spring.jpa.hibernate.ddl-auto=validate",
                        "migrate.locations=classpath:db/test-migrations",
                        "migrate.script-directory=target/no-such-directory");
    }

    @Test
    void hibernateValidatesTheMigratedSchemaAndBeansReadTheMigratedRowsWhileTheyAreCreated(PostgresServer postgres) {
        runner(postgres).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PeopleFromRepository.class).names).containsExactly("Ada");
            assertThat(context.getBean(PeopleFromEntityManager.class).names).containsExactly("Ada");
        });
    }

    /** The same application without the startup upgrade: proof that the test above depends on it. */
    @ParameterizedTest
    @ValueSource(strings = {"migrate.enabled=false", "migrate.on-startup=none"})
    void withoutTheStartupUpgradeHibernateValidationFails(String withoutUpgrade, PostgresServer postgres) {
        runner(postgres).withPropertyValues(withoutUpgrade).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("missing table [person]");
        });
    }

    /** Reads through a Spring Data repository in its constructor, as application code does. */
    static final class PeopleFromRepository {
        final List<String> names;

        PeopleFromRepository(PersonRepository people) {
            this.names = people.findAll().stream().map(Person::getName).toList();
        }
    }

    /** Reads through the shared EntityManager in its constructor. */
    static final class PeopleFromEntityManager {
        final List<String> names;

        PeopleFromEntityManager(EntityManager entityManager) {
            this.names = entityManager.createQuery("SELECT p.name FROM Person p", String.class).getResultList();
        }
    }
}
