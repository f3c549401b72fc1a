package dev.migrate.schema;

import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import dev.migrate.schema.annotation.Transient;
import dev.migrate.schema.annotation.Unmanaged;
import dev.migrate.schema.annotation.VirtualTable;
import java.time.LocalDateTime;

/** Seed 000's blog: Flask-SQLAlchemy's models of the article, category and FTS5 tutorial, in Java. */
final class BlogModels {

    private BlogModels() {
    }

    /** A class: fields, a transient one and a static one left out. */
    @Table
    static class Article {
        static int instances;

        @Id
        Integer articleId;
        @Column(length = 200, nullable = false)
        String title;
        @Column(type = GenericType.TEXT)
        String content;
        @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP")
        LocalDateTime createdAt;
        @Transient
        String preview;
        transient int views;
    }

    /** {@code category_id = db.Column(db.Integer, primary_key=True, autoincrement=True)}, a unique slug. */
    @Table(name = "category")
    record Category(@Id(autoincrement = true) Integer categoryId, String title, @Column(unique = true) String slug) {
    }

    /** A composite key of two foreign keys; its name is the class name in snake_case. */
    @Table
    record ArticleCategories(
            @Id @ForeignKey(table = "article", column = "article_id") Integer articleId,
            @Id @ForeignKey(table = "category", column = "category_id") Integer categoryId) {
    }

    /** The hand-written FTS5 table: described for the application, never touched by migrations. */
    @Table
    @Unmanaged
    @VirtualTable(using = "fts5(title, content, content=article, content_rowid=article_id)")
    record ArticleSearch(String title, String content) {
    }
}
