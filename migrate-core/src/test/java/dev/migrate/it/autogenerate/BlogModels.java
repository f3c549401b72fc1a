package dev.migrate.it.autogenerate;

import dev.migrate.schema.GenericType;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Index;
import dev.migrate.schema.annotation.Table;
import dev.migrate.schema.annotation.Unmanaged;
import dev.migrate.schema.annotation.VirtualTable;

/** Seed 000's models, matching the hand-written scripts of {@code BlogScripts}, plus the two new ones. */
final class BlogModels {

    private BlogModels() {
    }

    @Table
    record Article(@Id Integer articleId, @Column(length = 200, nullable = false) String title,
                   @Column(type = GenericType.TEXT, nullable = false) String content) {
    }

    /** A release later: a longer title and a published flag. */
    @Table(name = "article")
    record Article2(@Id Integer articleId, @Column(length = 300, nullable = false) String title,
                    @Column(type = GenericType.TEXT, nullable = false) String content,
                    @Column(nullable = false, serverDefault = "false") boolean published) {
    }

    @Table(name = "article")
    @Index(name = "ix_article_search", columns = "search", using = "gin")
    record SearchableArticle2(@Id Integer articleId, @Column(length = 300, nullable = false) String title,
                              @Column(type = GenericType.TEXT, nullable = false) String content,
                              @Column(rawType = "tsvector") String search,
                              @Column(nullable = false, serverDefault = "false") boolean published) {
    }

    /** PostgreSQL's article: the search column and its GIN index that the hand-written script added. */
    @Table(name = "article")
    @Index(name = "ix_article_search", columns = "search", using = "gin")
    record SearchableArticle(@Id Integer articleId, @Column(length = 200, nullable = false) String title,
                             @Column(type = GenericType.TEXT, nullable = false) String content,
                             @Column(rawType = "tsvector") String search) {
    }

    /** The hand-written FTS5 table: described, never managed. */
    @Table
    @Unmanaged
    @VirtualTable(using = "fts5(title, content, content=article, content_rowid=article_id, tokenize=\"porter unicode61\")")
    record ArticleSearch(String title, String content) {
    }

    /** {@code category_id = db.Column(db.Integer, primary_key=True, autoincrement=True)}; String without length. */
    @Table
    record Category(@Id(autoincrement = true) Integer categoryId, String title, @Column(unique = true) String slug) {
    }

    @Table
    record ArticleCategories(@Id @ForeignKey(table = "article", column = "article_id") Integer articleId,
                             @Id @ForeignKey(table = "category", column = "category_id") Integer categoryId) {
    }

    static Class<?>[] later(boolean sqlite) {
        return sqlite ? new Class<?>[] {Article2.class, ArticleSearch.class, Category.class, ArticleCategories.class}
                : new Class<?>[] {SearchableArticle2.class, Category.class, ArticleCategories.class};
    }

    static Class<?>[] before(boolean sqlite) {
        return sqlite ? new Class<?>[] {Article.class, ArticleSearch.class}
                : new Class<?>[] {SearchableArticle.class};
    }

    static Class<?>[] after(boolean sqlite) {
        return sqlite ? new Class<?>[] {Article.class, ArticleSearch.class, Category.class, ArticleCategories.class}
                : new Class<?>[] {SearchableArticle.class, Category.class, ArticleCategories.class};
    }
}
