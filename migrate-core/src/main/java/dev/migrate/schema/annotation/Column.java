package dev.migrate.schema.annotation;

import dev.migrate.schema.GenericType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says more about a column than its field does. Every attribute is optional; without this annotation a field is
 * a column with its name in snake_case and its type inferred from the Java type (see
 * {@code dev.migrate.schema.JavaTypes}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /** The column's name; empty: the field's name in snake_case ({@code articleId} is {@code article_id}). */
    String name() default "";

    /**
     * The generic type, when the one inferred from the Java type is not the one wanted
     * ({@code type = GenericType.TEXT} on a String). Empty: inferred. At most one value.
     */
    GenericType[] type() default {};

    /** The database's own type name ({@code "JSONB"}, {@code "CITEXT"}): the column's type is then OTHER with it. */
    String rawType() default "";

    /**
     * On a Java enum field: the name of the PostgreSQL enum type the column has ({@code enumType = "mood"}), whose
     * labels are the enum's constant names in their order (created and given new labels by autogenerate). Databases
     * without enum types (SQLite) keep the field's usual column: VARCHAR of the longest constant. Empty: no enum type.
     */
    String enumType() default "";

    /** The length of VARCHAR, CHAR and BINARY columns; -1: none ({@code db.String} without a length). */
    int length() default -1;

    /** The precision of DECIMAL columns; -1: none. */
    int precision() default -1;

    /** The scale of DECIMAL columns; -1: none. */
    int scale() default -1;

    /**
     * Whether the column accepts NULL. A column of a primitive type or of the primary key is NOT NULL
     * whatever this says; {@code nullable = false} makes any other column NOT NULL.
     */
    boolean nullable() default true;

    /** A single-column UNIQUE constraint, named {@code uq_<table>_<column>}. */
    boolean unique() default false;

    /** A single-column index, named {@code ix_<table>_<column>} (SQLAlchemy's {@code index=True}). */
    boolean index() default false;

    /** The server default: an SQL expression as written in DDL ({@code "0"}, {@code "'draft'"}, {@code "CURRENT_TIMESTAMP"}). */
    String serverDefault() default "";

    /** The column's comment (PostgreSQL's {@code COMMENT ON COLUMN}; SQLite keeps none); empty: none. */
    String comment() default "";
}
