package dev.migrate.autogenerate;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.schema.Schema;

/**
 * Autogenerate: compares what the models describe with what the database holds, and returns the operations
 * that bring the database to the models, with their descriptions, warnings and the two script sections.
 *
 * <pre>{@code
 * Changes changes = Autogenerate.compare(models, reflected, dialect, CompareOptions.defaults());
 * changes.descriptions();   // Detected added table 'stores', ...
 * changes.upgradeSql();     // the -- migrate:upgrade section
 * changes.downgradeSql();   // the -- migrate:downgrade section, its exact inverse
 * }</pre>
 */
public final class Autogenerate {

    private Autogenerate() {
    }

    /**
     * @param models   the schema the application's models describe, as written (canonical forms are applied here)
     * @param database the schema reflection read from the live database
     */
    public static Changes compare(Schema models, Schema database, Dialect dialect, CompareOptions options) {
        // enum types are PostgreSQL's: elsewhere their columns are the VARCHARs of enum fields without one
        Schema wanted = dialect instanceof PostgresDialect ? models : models.withEnumTypesAsText();
        return new SchemaComparator(wanted, database, dialect, options).compare();
    }
}
