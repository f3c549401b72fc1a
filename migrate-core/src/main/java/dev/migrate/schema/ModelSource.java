package dev.migrate.schema;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Where the models come from: the analogue of one SQLAlchemy {@code MetaData} in Alembic's
 * {@code target_metadata} list. Several are combined by {@link ModelSources#merge}, which also checks that every
 * foreign key refers to a table and column some source declares.
 *
 * <p>{@code db migrate} and {@code db check} ask each source once per comparison, on a thread of their own
 * ({@code migrate-models}, with the caller's context class loader but none of its other thread-locals) while the
 * caller's thread reads the database; a source kept across commands may be asked by two comparisons at once.
 */
@FunctionalInterface
public interface ModelSource {

    /** The tables (and any triggers and views) this source declares. */
    Schema schema();

    /**
     * Who declared a table ({@code column} null) or a column, for error messages: the class (and field) for
     * annotated models, {@code table 'x'} / {@code column 'x.y'} otherwise.
     */
    default String origin(String table, String column) {
        return column == null ? "table '" + table + "'" : "column '" + table + "." + column + "'";
    }

    /** Annotated classes and records; read at once, so that a model error shows up here. */
    static ModelSource annotated(Class<?>... classes) {
        return annotated(Arrays.asList(classes));
    }

    /** Annotated classes and records; read at once, so that a model error shows up here. */
    static ModelSource annotated(Collection<? extends Class<?>> classes) {
        return ModelReader.source(classes);
    }

    /** A programmatic schema, for everything annotations cannot say. */
    static ModelSource of(Schema schema) {
        return () -> schema;
    }

    /** Programmatic tables. */
    static ModelSource tables(List<Table> tables) {
        Schema schema = Schema.of(tables);
        return () -> schema;
    }

    /** Programmatic tables, from their builders ({@code Table.builder("article_search").virtual(...).unmanaged()}). */
    static ModelSource builders(TableBuilder... builders) {
        return tables(Arrays.stream(builders).map(TableBuilder::build).toList());
    }
}
