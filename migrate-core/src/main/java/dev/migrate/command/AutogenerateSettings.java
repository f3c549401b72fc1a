package dev.migrate.command;

import dev.migrate.autogenerate.IncludeObject;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * How {@code migrate} and {@code check} compare: the {@code include_object} hook, whether tables in the
 * database that no model describes are kept (true) or dropped by the generated script (false, as Alembic
 * does), and the {@code include_name} analogue: a filter on table names applied before reflection, so an
 * excluded table is never even read; and whether the tables other libraries own
 * ({@link dev.migrate.autogenerate.LibraryTables}: Spring Batch, Quartz, Flyway's history...) are kept when no
 * model describes them (true by default).
 */
public record AutogenerateSettings(IncludeObject includeObject, boolean keepUnownedTables,
                                   Predicate<String> includeTableName, boolean keepLibraryTables) {

    public AutogenerateSettings {
        Objects.requireNonNull(includeObject, "includeObject");
        includeTableName = includeTableName == null ? name -> true : includeTableName;
    }

    public AutogenerateSettings(IncludeObject includeObject, boolean keepUnownedTables,
                                Predicate<String> includeTableName) {
        this(includeObject, keepUnownedTables, includeTableName, true);
    }

    public AutogenerateSettings(IncludeObject includeObject, boolean keepUnownedTables) {
        this(includeObject, keepUnownedTables, null);
    }

    public static AutogenerateSettings defaults() {
        return new AutogenerateSettings(IncludeObject.ALL, false, null, true);
    }
}
