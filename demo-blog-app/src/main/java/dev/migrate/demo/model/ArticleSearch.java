package dev.migrate.demo.model;

import dev.migrate.schema.annotation.Table;
import dev.migrate.schema.annotation.Unmanaged;
import dev.migrate.schema.annotation.VirtualTable;

/**
 * The FTS5 index over articles. The app queries it, but it is written by hand in its own script
 * ({@code add fts}), so autogenerate must leave it and its shadow tables alone: the seed's
 * {@code is_virtual} plus {@code include_object}, said with one annotation.
 */
@Table(name = "article_search")
@Unmanaged
@VirtualTable(using = "fts5(title, content, content=article, content_rowid=article_id, tokenize=\"porter unicode61\")")
public record ArticleSearch(String title, String content) {
}
