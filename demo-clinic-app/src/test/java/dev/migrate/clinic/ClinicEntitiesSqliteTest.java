package dev.migrate.clinic;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** {@link ClinicEntitiesContract} on a new SQLite file: the scripts of db/migrations/sqlite. */
@SpringBootTest
class ClinicEntitiesSqliteTest extends ClinicEntitiesContract {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + temp.resolve("clinic.db"));
    }
}
