package dev.migrate.fleet;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * One database or schema of a fleet: its name (what results, logs and {@code --target} call it) and the engine that
 * migrates it, with the fleet's scripts and settings.
 */
public record FleetTarget(String name, Migrate migrate) {

    public FleetTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(migrate, "migrate");
    }

    /** A database of its own (a shard), migrated with {@code config}'s scripts and settings. */
    public static FleetTarget database(String name, DataSource dataSource, MigrateConfig config) {
        return new FleetTarget(name, new Migrate(config.withDataSource(dataSource)));
    }

    /**
     * A tenant's schema in {@code config}'s database (schema-per-tenant), named after the schema: its connections use the
     * schema, so the engine's tables, its lock and the scripts' unqualified DDL are the tenant's.
     */
    public static FleetTarget schema(String schema, MigrateConfig config) {
        return new FleetTarget(schema, new Migrate(config.withDataSource(
                new SchemaScopedDataSource(config.dataSource(), schema))));
    }

    /** The tenant's schema when this target is one (schema-per-tenant), else null. */
    SchemaScopedDataSource scopedSchema() {
        return migrate.config().dataSource() instanceof SchemaScopedDataSource scoped ? scoped : null;
    }
}
