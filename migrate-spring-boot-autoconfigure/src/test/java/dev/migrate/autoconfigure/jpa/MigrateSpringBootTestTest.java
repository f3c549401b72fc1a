package dev.migrate.autoconfigure.jpa;

import org.springframework.boot.SpringBootConfiguration;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code @SpringBootTest}: the whole application, whose startup upgrade migrates the database before the test. */
@SpringBootTest(classes = MigrateSpringBootTestTest.App.class)
class MigrateSpringBootTestTest extends MigratedPeopleContract {

    /** The auto-configurations of a JPA application (Shell's, on this class path for other tests, left out). */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
            DataJpaRepositoriesAutoConfiguration.class, MigrateAutoConfiguration.class,
            MigrateJpaAutoConfiguration.class})
    @Import(PeopleApplication.class)
    static class App {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempDirectory("migrate-boot-test").resolve("people.db");
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
        registry.add("spring.jpa.database-platform", () -> "org.hibernate.community.dialect.SQLiteDialect");
        registry.add("migrate.locations", () -> "classpath:db/test-migrations");
        registry.add("migrate.script-directory", () -> "target/no-such-directory");
    }
}
