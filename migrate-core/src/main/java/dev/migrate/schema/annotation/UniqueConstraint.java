package dev.migrate.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A UNIQUE constraint over one or more columns (by column or field name). Unnamed, it is
 * {@code uq_<table>_<column>[_<column>...]}. For one column, {@code @Column(unique = true)} says the same.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UniqueConstraints.class)
public @interface UniqueConstraint {

    String name() default "";

    String[] columns();
}
