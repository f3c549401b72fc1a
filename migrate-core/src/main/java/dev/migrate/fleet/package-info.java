/**
 * A fleet: the same scripts applied to many databases (shards) or schemas of one database (schema-per-tenant) in one
 * operation. {@link dev.migrate.fleet.Fleet} runs an operation over its {@link dev.migrate.fleet.FleetTarget}s at most
 * {@code parallelism} at a time, each through its own {@link dev.migrate.command.Migrate} (so under its own lock), and
 * returns every target's {@link dev.migrate.fleet.TargetOutcome} in the targets' order; one target's failure is its
 * outcome, never an exception for the others. {@link dev.migrate.fleet.SchemaScopedDataSource} gives a tenant's
 * connections the tenant's schema, which is all the engine needs to keep each tenant's tables, history and lock apart.
 * Sits on top of {@code command}; nothing in the engine depends on it.
 */
package dev.migrate.fleet;
