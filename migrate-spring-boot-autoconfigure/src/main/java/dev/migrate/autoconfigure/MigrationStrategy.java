package dev.migrate.autoconfigure;

import dev.migrate.command.Migrate;

/**
 * Replaces what happens at startup, as Boot's {@code FlywayMigrationStrategy} does: define a bean of this
 * type and it is called instead of the configured {@code migrate.on-startup} behaviour.
 */
@FunctionalInterface
public interface MigrationStrategy {

    void migrate(Migrate migrate);
}
