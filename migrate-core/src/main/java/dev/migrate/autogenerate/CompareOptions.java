package dev.migrate.autogenerate;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to compare: the engine's own tables to leave alone (version table, log table), whether reflected
 * tables that no model describes are left alone rather than dropped, the {@link IncludeObject} hook, the
 * {@link RenameDecider}, the tables that have rows (for the NOT NULL warning), whether types and server
 * defaults are compared (both on by default), and the tables other libraries own ({@link LibraryTables}), never
 * dropped when no model describes them.
 */
public record CompareOptions(Set<String> engineTables, boolean keepUnownedTables, IncludeObject includeObject,
                             RenameDecider renameDecider, Set<String> tablesWithRows, boolean compareTypes,
                             boolean compareServerDefaults, Set<String> libraryTables, boolean compareTableOptions) {

    public CompareOptions {
        engineTables = engineTables.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        libraryTables = libraryTables == null ? Set.of()
                : libraryTables.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        includeObject = Objects.requireNonNullElse(includeObject, IncludeObject.ALL);
        renameDecider = Objects.requireNonNullElse(renameDecider, RenameDecider.NEVER);
        tablesWithRows = Set.copyOf(tablesWithRows);
    }

    /** Alembic's defaults: engine tables {@code alembic_version} and {@code migrate_log}, renames refused. */
    public static CompareOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean hasRows(String table) {
        return tablesWithRows.contains(table);
    }

    /** Whether another library owns the table (case ignored): kept when no model describes it. */
    public boolean ownedByLibrary(String table) {
        return libraryTables.contains(table.toLowerCase(Locale.ROOT));
    }

    public static final class Builder {
        private Set<String> engineTables = Set.of("alembic_version", "migrate_log");
        private boolean keepUnownedTables;
        private IncludeObject includeObject = IncludeObject.ALL;
        private RenameDecider renameDecider = RenameDecider.NEVER;
        private Set<String> tablesWithRows = Set.of();
        private boolean compareTypes = true;
        private boolean compareServerDefaults = true;
        private Set<String> libraryTables = LibraryTables.DEFAULTS;
        private boolean compareTableOptions;

        private Builder() {
        }

        /** The version table and the log table, never compared. */
        public Builder engineTables(String... names) {
            engineTables = Set.of(names);
            return this;
        }

        /** Leave reflected tables that no model describes alone instead of dropping them. */
        public Builder keepUnownedTables(boolean value) {
            keepUnownedTables = value;
            return this;
        }

        public Builder includeObject(IncludeObject hook) {
            includeObject = hook;
            return this;
        }

        public Builder renameDecider(RenameDecider decider) {
            renameDecider = decider;
            return this;
        }

        public Builder tablesWithRows(Set<String> tables) {
            tablesWithRows = tables;
            return this;
        }

        public Builder compareTypes(boolean value) {
            compareTypes = value;
            return this;
        }

        public Builder compareServerDefaults(boolean value) {
            compareServerDefaults = value;
            return this;
        }

        /**
         * The tables other libraries own, left alone when no model describes them: {@link LibraryTables#DEFAULTS}
         * unless set; an empty set lets the generated script drop them like any table no model describes.
         */
        public Builder libraryTables(Set<String> names) {
            libraryTables = names;
            return this;
        }

        /**
         * Whether the table options a model states ({@code Table.options}: MariaDB's engine, default character set
         * and collation) are compared with the database's; off by default, as Alembic leaves them alone.
         */
        public Builder compareTableOptions(boolean value) {
            compareTableOptions = value;
            return this;
        }

        public CompareOptions build() {
            return new CompareOptions(engineTables, keepUnownedTables, includeObject, renameDecider, tablesWithRows,
                    compareTypes, compareServerDefaults, libraryTables, compareTableOptions);
        }
    }
}
