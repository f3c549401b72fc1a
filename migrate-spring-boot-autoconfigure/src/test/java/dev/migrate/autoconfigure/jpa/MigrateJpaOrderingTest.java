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
 * Hibernate starts after the startup upgrade, as it does after Flyway: the {@code book} table exists only
 * once the script in db/jpa-migrations has run, and {@code ddl-auto=validate} fails the startup when it is
 * missing. The readers are user beans, so they are created before any auto-configured bean; only the
 * dependency that Boot adds from {@code MigrateDatabaseInitializerDetector} (EntityManagerFactory on
 * MigrateInitializer) makes the upgrade run first. Checked by hand: without the detector's entry in
 * META-INF/spring.factories the first test fails with "missing table [book]".
 */
@PostgresTest
class MigrateJpaOrderingTest {

    private static ApplicationContextRunner runner(PostgresServer postgres) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
                        MigrateAutoConfiguration.class))
                .withUserConfiguration(BookshelfApplication.class)
                .withBean(BooksFromRepository.class)
                .withBean(BooksFromEntityManager.class)
                .withPropertyValues("spring.datasource.url=" + postgres.jdbcUrl(postgres.createDatabase()),
                        "spring.datasource.username=" + postgres.user(),
                        "spring.jpa.hibernate.ddl-auto=validate",
                        "migrate.locations=classpath:db/jpa-migrations",
                        "migrate.script-directory=target/no-such-directory");
    }

    @Test
    void hibernateValidatesTheMigratedSchemaAndBeansReadTheMigratedRowsWhileTheyAreCreated(PostgresServer postgres) {
        runner(postgres).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BooksFromRepository.class).titles).containsExactly("The Left Hand of Darkness");
            assertThat(context.getBean(BooksFromEntityManager.class).titles).containsExactly("The Left Hand of Darkness");
        });
    }

    /** The same application without the startup upgrade: proof that the test above depends on it. */
    @ParameterizedTest
    @ValueSource(strings = {"migrate.enabled=false", "migrate.on-startup=none"})
    void withoutTheStartupUpgradeHibernateValidationFails(String withoutUpgrade, PostgresServer postgres) {
        runner(postgres).withPropertyValues(withoutUpgrade).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("missing table [book]");
        });
    }

    /** Reads through a Spring Data repository in its constructor, as application code does. */
    static final class BooksFromRepository {
        final List<String> titles;

        BooksFromRepository(BookRepository books) {
            this.titles = books.findAll().stream().map(Book::getTitle).toList();
        }
    }

    /** Reads through the shared EntityManager in its constructor. */
    static final class BooksFromEntityManager {
        final List<String> titles;

        BooksFromEntityManager(EntityManager entityManager) {
            this.titles = entityManager.createQuery("SELECT b.title FROM Book b", String.class).getResultList();
        }
    }
}
