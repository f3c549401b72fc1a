package dev.migrate.autoconfigure.jpa;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code @DataJpaTest} on the application's own database ({@code replace = NONE}), an SQLite file. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = PeopleApplication.class)
class MigrateDataJpaTestOnSqliteTest extends MigratedPeopleContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempDirectory("migrate-slice").resolve("people.db");
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
        registry.add("spring.jpa.database-platform", () -> "org.hibernate.community.dialect.SQLiteDialect");
        registry.add("migrate.locations", () -> "classpath:db/test-migrations");
        registry.add("migrate.script-directory", () -> "target/no-such-directory");
    }
}
