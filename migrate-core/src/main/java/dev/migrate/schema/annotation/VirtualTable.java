package dev.migrate.schema.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A virtual table (SQLite FTS5, R-tree): kind VIRTUAL, with the definition
 * {@code CREATE VIRTUAL TABLE <table> USING <using>}. It needs no {@link Id}. Usually together with
 * {@link Unmanaged}, when a hand-written script creates it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VirtualTable {

    /** The module and its arguments: {@code "fts5(title, content, content=article, content_rowid=article_id)"}. */
    String using();
}
