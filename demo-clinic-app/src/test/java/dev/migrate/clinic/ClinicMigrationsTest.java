package dev.migrate.clinic;

import dev.migrate.test.MigrationTests;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * The starter's migration test kit on the clinic (SQLite): one head, scripts that parse and downgrade, the stairway,
 * and the entities matching what the migrations build ({@code modelsMatchMigrations} compares with the entity models).
 */
@SpringBootTest
class ClinicMigrationsTest implements MigrationTests {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + temp.resolve("clinic.db"));
    }
}
