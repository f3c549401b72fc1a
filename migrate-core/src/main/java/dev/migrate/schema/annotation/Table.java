package dev.migrate.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a model: one table. Without a name the table is named after the class in
 * snake_case, as Flask-SQLAlchemy does ({@code ArticleCategories} is {@code article_categories}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table's name; empty: the class's simple name in snake_case. */
    String name() default "";

    /** The table's comment (PostgreSQL's {@code COMMENT ON TABLE}; SQLite keeps none); empty: none. */
    String comment() default "";
}
