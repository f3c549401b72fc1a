package dev.migrate.demo.model;

import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;

/** A category articles can be filed under: the seed's {@code Category} model. */
@Table(name = "category")
public record Category(
        @Id Integer categoryId,
        String title,
        @Column(unique = true) String slug) {
}
