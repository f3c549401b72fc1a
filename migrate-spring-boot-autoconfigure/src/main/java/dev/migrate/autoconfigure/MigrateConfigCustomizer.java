package dev.migrate.autoconfigure;

import dev.migrate.command.MigrateConfig;

/**
 * Adjusts the engine's configuration after the {@code migrate.*} properties are applied and before the {@code Migrate}
 * bean is built, as Boot's {@code FlywayConfigurationCustomizer}: for what no property says (a Java migration built
 * by hand, a model source, another location). Beans of this type are called in their {@code @Order}.
 */
@FunctionalInterface
public interface MigrateConfigCustomizer {

    void customize(MigrateConfig.Builder config);
}
