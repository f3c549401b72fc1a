package dev.migrate.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A primary-key column. Several {@code @Id} fields make a composite key, in declaration order. The key is named
 * {@code pk_<table>}; its columns are NOT NULL.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Id {

    /**
     * SQLAlchemy's {@code autoincrement="auto"}: the database generates the values when the key is this one
     * column, of an integer type (SMALLINT, INTEGER, BIGINT), and not a foreign key. {@code false} turns it off;
     * {@code true} never turns it on for a composite, non-integer or foreign key.
     */
    boolean autoincrement() default true;
}
