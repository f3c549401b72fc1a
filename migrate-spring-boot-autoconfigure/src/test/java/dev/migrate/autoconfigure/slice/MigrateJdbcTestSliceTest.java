package dev.migrate.autoconfigure.slice;

import dev.migrate.command.Migrate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} slice migrates the database like the application does, because
 * {@code MigrateAutoConfiguration} is listed in
 * META-INF/spring/org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization.imports
 * (which {@code @AutoConfigureJdbc} imports, as it does for Flyway).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class MigrateJdbcTestSliceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempDirectory("migrate-slice").resolve("slice.db");
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
        registry.add("migrate.locations", () -> "classpath:db/test-migrations");
        registry.add("migrate.script-directory", () -> "target/no-such-directory");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Migrate migrate;

    @Test
    void theSliceRunsTheMigrations() {
        assertThat(jdbc.queryForObject("SELECT name FROM person WHERE person_id = 1", String.class)).isEqualTo("Ada");
        assertThat(jdbc.queryForList("SELECT version_num FROM alembic_version", String.class))
                .containsExactly("f6e5d4c3b2a1");
        assertThat(migrate.config().locations()).containsExactly("classpath:db/test-migrations");
    }
}
