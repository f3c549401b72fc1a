package dev.migrate.command;

import dev.migrate.autogenerate.IncludeObject;

import java.util.Objects;

/**
 * How {@code migrate} and {@code check} compare: the {@code include_object} hook, and whether tables in
 * the database that no model describes are kept (true) or dropped by the generated script (false, as
 * Alembic does).
 */
public record AutogenerateSettings(IncludeObject includeObject, boolean keepUnownedTables) {

    public AutogenerateSettings {
        Objects.requireNonNull(includeObject, "includeObject");
    }

    public static AutogenerateSettings defaults() {
        return new AutogenerateSettings(IncludeObject.ALL, false);
    }
}
