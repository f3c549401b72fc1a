package dev.migrate.command;

import dev.migrate.autogenerate.IncludeObject;
import dev.migrate.autogenerate.ProcessRevisionDirectives;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * How {@code migrate} and {@code check} compare: the {@code include_object} hook, whether tables in the
 * database that no model describes are kept (true) or dropped by the generated script (false, as Alembic
 * does), and the {@code include_name} analogue: a filter on table names applied before reflection, so an
 * excluded table is never even read; and whether the tables other libraries own
 * ({@link dev.migrate.autogenerate.LibraryTables}: Spring Batch, Quartz, Flyway's history...) are kept when no
 * model describes them (true by default); and the {@code process_revision_directives} analogue, which may rewrite
 * what {@code migrate} writes.
 */
public record AutogenerateSettings(IncludeObject includeObject, boolean keepUnownedTables,
                                   Predicate<String> includeTableName, boolean keepLibraryTables,
                                   ProcessRevisionDirectives processRevisionDirectives) {

    public AutogenerateSettings {
        Objects.requireNonNull(includeObject, "includeObject");
        includeTableName = includeTableName == null ? name -> true : includeTableName;
        processRevisionDirectives = processRevisionDirectives == null ? ProcessRevisionDirectives.NONE
                : processRevisionDirectives;
    }

    public AutogenerateSettings(IncludeObject includeObject, boolean keepUnownedTables,
                                Predicate<String> includeTableName, boolean keepLibraryTables) {
        this(includeObject, keepUnownedTables, includeTableName, keepLibraryTables, null);
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
