package dev.migrate.autoconfigure;

import dev.migrate.command.MigrateConfig;
import dev.migrate.fleet.FleetTarget;

import java.util.List;

/**
 * A bean that names fleet targets (tenants read from a table, shards listed in the configuration): given the
 * auto-configured engine's configuration (its scripts and settings), the targets to migrate with it, e.g.
 * {@code FleetTarget.schema(tenant, config)} or {@code FleetTarget.database(name, shardDataSource, config)}. Added
 * after the schemas of {@code migrate.fleet.schemas}, beans in their {@code @Order}.
 */
@FunctionalInterface
public interface MigrateFleetTargets {

    List<FleetTarget> targets(MigrateConfig config);
}
