package dev.migrate.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CHECK constraint. As in Alembic's recommended naming convention ({@code ck_%(table_name)s_%(constraint_name)s}),
 * {@code name} is the short name: {@code @Check(name = "price_positive", expression = "price > 0")} on table
 * {@code items} is the constraint {@code ck_items_price_positive}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Checks.class)
public @interface Check {

    /** The short name; the constraint is {@code ck_<table>_<name>}. */
    String name();

    /** The condition, without the surrounding {@code CHECK ( )}. */
    String expression();
}
