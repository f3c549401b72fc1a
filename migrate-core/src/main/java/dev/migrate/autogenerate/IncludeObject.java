package dev.migrate.autogenerate;

/**
 * The user's filter, Alembic's {@code include_object}: asked once for every object autogenerate compares.
 * {@code object} is the model's object ({@code reflected} false) or, for an object only the database has, the
 * database's ({@code reflected} true); {@code comparedTo} is the object on the other side, null when there is
 * none. Objects are the schema records: {@code Table}, {@code Column}, {@code Index}, {@code UniqueConstraint},
 * {@code ForeignKey}, {@code CheckConstraint}, {@code PrimaryKey}, {@code Schema.Sequence} (a standalone one, on
 * PostgreSQL). Returning false leaves the object alone.
 */
@FunctionalInterface
public interface IncludeObject {

    IncludeObject ALL = (kind, name, object, reflected, comparedTo) -> true;

    boolean include(ObjectKind kind, String name, Object object, boolean reflected, Object comparedTo);
}
