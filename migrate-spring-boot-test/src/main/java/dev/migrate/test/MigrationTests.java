package dev.migrate.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migration checks as test methods: implement it on a Spring test class ({@code @SpringBootTest},
 * {@code @JdbcTest}...) whose context has a {@code Migrate} bean over a throwaway database, and the class gets one
 * test per check (the data checks need the test's rows: call them yourself). Override {@link #configure} to allow
 * several heads or revisions without a downgrade, or to tell where the database client is.
 *
 * <pre>{@code
 * @SpringBootTest
 * class MigrationsTest implements MigrationTests {
 * }
 * }</pre>
 */
@ExtendWith(MigrationChecksExtension.class)
public interface MigrationTests {

    /** Adjusts the checks every test method receives; returns them unchanged by default. */
    default MigrationChecks configure(MigrationChecks checks) {
        return checks;
    }

    @Test
    default void singleHead(MigrationChecks checks) {
        checks.assertSingleHead();
    }

    @Test
    default void scriptsParseAndDowngrade(MigrationChecks checks) {
        checks.assertScriptsValid();
    }

    @Test
    default void stairway(MigrationChecks checks) {
        checks.assertStairway();
    }

    @Test
    default void modelsMatchMigrations(MigrationChecks checks) {
        checks.assertModelsMatchMigrations();
    }

    @Test
    default void offlineMatchesOnline(MigrationChecks checks) {
        checks.assertOfflineMatchesOnline();
    }
}
