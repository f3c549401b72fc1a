package dev.migrate.demo;

import dev.migrate.test.MigrationTests;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * The demo's migrations checked by the test kit, as an application would: its whole context on a throwaway SQLite
 * file, and the checks as test methods (single head, scripts parse and downgrade, stairway, models match, offline SQL
 * equals online, articles survive upgrades and downgrades).
 */
@SpringBootTest(properties = "spring.shell.interactive.enabled=false")
class BlogMigrationsTest implements MigrationTests, BlogDataSurvives {

    @TempDir
    static Path temp;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + temp.resolve("blog.db"));
        registry.add("spring.shell.history.name", () -> temp.resolve("history.log").toString());
    }
}
