package dev.migrate.schema;

import java.util.List;

/**
 * An index: its name, the columns (or, for an expression index, the expressions as the database renders
 * them) in order, whether it is unique, and what a plain index does not have: its {@code method} (PostgreSQL's
 * {@code USING gin}; null: the database's default, B-tree), the {@code where} predicate of a partial index (null:
 * none) and the {@code include} columns (PostgreSQL's {@code INCLUDE}). {@code definition} is the database's own
 * CREATE INDEX statement when reflection read it (null for models): a reflected index is re-created from it, keeping
 * what the other parts do not say (sort order, operator classes); comparisons ignore it.
 */
public record Index(String name, List<String> columns, boolean unique, String definition, String method,
                    String where, List<String> include) {

    public Index {
        columns = List.copyOf(columns);
        include = include == null ? List.of() : List.copyOf(include);
        definition = blankToNull(definition);
        method = blankToNull(method);
        where = blankToNull(where);
    }

    public Index(String name, List<String> columns, boolean unique, String definition) {
        this(name, columns, unique, definition, null, null, List.of());
    }

    public Index(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, null);
    }

    /** The same index without the database's statement (its columns renamed, say). */
    public Index withoutDefinition() {
        return definition == null ? this : new Index(name, columns, unique, null, method, where, include);
    }

    /** The same index with these columns (expressions), the rest kept but the database's statement. */
    public Index withColumns(List<String> newColumns) {
        return new Index(name, newColumns, unique, null, method, where, include);
    }

    /** This index built with another method ({@code "gin"}, {@code "gist"}, {@code "hash"}; PostgreSQL only). */
    public Index using(String indexMethod) {
        return new Index(name, columns, unique, definition, indexMethod, where, include);
    }

    /** This index as a partial index: only the rows for which {@code predicate} (SQL, as in DDL) holds. */
    public Index where(String predicate) {
        return new Index(name, columns, unique, definition, method, predicate, include);
    }

    /** This index with non-key columns stored in it (PostgreSQL's {@code INCLUDE}). */
    public Index including(String... includedColumns) {
        return new Index(name, columns, unique, definition, method, where, List.of(includedColumns));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
