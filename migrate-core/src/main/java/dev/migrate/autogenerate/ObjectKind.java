package dev.migrate.autogenerate;

/** The kinds of schema object that autogenerate compares, and that {@link IncludeObject} is asked about. */
public enum ObjectKind {
    TABLE, COLUMN, PRIMARY_KEY, INDEX, UNIQUE_CONSTRAINT, FOREIGN_KEY, CHECK_CONSTRAINT, SEQUENCE,
    /** A PostgreSQL enum type ({@code Schema.EnumType}). */
    ENUM_TYPE,
    /** A PostgreSQL domain ({@code Schema.Domain}): only ever dropped with its last user. */
    DOMAIN
}
