package dev.migrate.demo.model;

import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

import java.time.LocalDateTime;

/** A blog article: the seed's {@code Article} model. */
@Table(name = "article")
public record Article(
        @Id Integer articleId,
        @Column(length = 200, nullable = false) String title,
        @Column(type = dev.migrate.schema.GenericType.TEXT, nullable = false) String content,
        @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt) {
}
