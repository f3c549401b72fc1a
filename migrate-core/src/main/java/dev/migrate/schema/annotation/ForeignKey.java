package dev.migrate.schema.annotation;

import dev.migrate.schema.ReferentialAction;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single-column foreign key, {@code db.ForeignKey("article.article_id")}. The referred table must be declared by
 * some model source (an {@link Unmanaged} model will do). Unnamed, it is {@code fk_<table>_<column>_<referred table>}.
 * Composite foreign keys are described with {@code Table.builder(...)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ForeignKey {

    /** The referred table's name. */
    String table();

    /** The referred column's name. */
    String column();

    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;

    /** The constraint's name, taken as it is; empty: the naming convention's. */
    String name() default "";
}
