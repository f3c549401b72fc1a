package dev.migrate.autogenerate;

/**
 * The user's name filter, Alembic's {@code include_name}: asked for each table name of the database before
 * reflection, so that a table it refuses is never read in detail, compared or dropped (views, sequences and types are
 * not asked: {@link IncludeObject} sees those). Cheaper than {@link IncludeObject}, which sees the reflected objects;
 * both may be given.
 */
@FunctionalInterface
public interface IncludeName {

    IncludeName ALL = tableName -> true;

    boolean include(String tableName);
}
