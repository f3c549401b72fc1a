package dev.migrate.demo;

import java.util.List;

/** An article as the commands and the JSON API show it (the schema's model is {@code model.Article}). */
public record ArticleView(int id, String title, String content, String createdAt, List<String> categories) {
}
