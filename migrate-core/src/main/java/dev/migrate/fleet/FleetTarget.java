package dev.migrate.fleet;

import dev.migrate.command.Migrate;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.SharedScripts;

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
    public String schema() {
        return migrate.config().dataSource() instanceof SchemaScopedDataSource scoped ? scoped.schema() : null;
    }

    /**
     * Creates the tenant's schema unless it exists (a new tenant); nothing for a database of its own. One line that
     * says what to do when it cannot.
     */
    public void createSchemaIfMissing() {
        if (migrate.config().dataSource() instanceof SchemaScopedDataSource scoped) {
            try {
                scoped.createSchemaIfMissing();
            } catch (java.sql.SQLException e) {
                throw new dev.migrate.command.MigrateException("Could not create schema " + scoped.schema() + ": "
                        + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ")
                        + "; create it, or grant the migrating user CREATE on the database", e);
            }
        }
    }

    /** This target reading its scripts through {@code shared} ({@link Migrate#sharingScripts}), for one operation. */
    public FleetTarget sharingScripts(SharedScripts shared) {
        return new FleetTarget(name, migrate.sharingScripts(shared));
    }

    /** This target as the running application migrates it: its packaged scripts only ({@link Migrate#withPackagedScripts}). */
    public FleetTarget withPackagedScripts() {
        Migrate packaged = migrate.withPackagedScripts();
        return packaged == migrate ? this : new FleetTarget(name, packaged);
    }
}
