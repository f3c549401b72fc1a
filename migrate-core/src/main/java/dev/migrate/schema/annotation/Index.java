package dev.migrate.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index over one or more columns, in order. Columns are named by column name or by field name. Unnamed, it is
 * {@code ix_<table>_<column>[_<column>...]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {

    String name() default "";

    String[] columns();

    boolean unique() default false;

    /** A partial index's predicate, SQL as in DDL ({@code "deleted_at IS NULL"}); empty: the whole table. */
    String where() default "";

    /** The index method ({@code "gin"}, {@code "gist"}, {@code "hash"}); PostgreSQL only; empty: B-tree. */
    String using() default "";

    /** Non-key columns stored in the index (PostgreSQL's {@code INCLUDE}), by column or field name. */
    String[] include() default {};
}
