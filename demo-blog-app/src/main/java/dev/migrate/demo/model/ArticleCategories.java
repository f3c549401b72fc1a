package dev.migrate.demo.model;

import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

/** Which article is in which category: a composite key of two foreign keys, as in the seed. */
@Table(name = "article_categories")
public record ArticleCategories(
        @Id @ForeignKey(table = "article", column = "article_id") Integer articleId,
        @Id @ForeignKey(table = "category", column = "category_id") Integer categoryId) {
}
