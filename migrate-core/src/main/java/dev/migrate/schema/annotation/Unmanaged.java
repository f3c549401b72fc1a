package dev.migrate.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model describes the table for the application's use (and so that foreign keys may refer to it), but
 * migrations never create, alter or drop it: a hand-written FTS5 table, a table another tool owns. The
 * analogue of {@code __table_args__ = {'info': dict(is_virtual=True)}} plus an {@code include_object} hook.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unmanaged {
}
