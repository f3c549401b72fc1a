package dev.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.annotation.Check;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Index;
import dev.migrate.schema.annotation.Table;
import dev.migrate.schema.annotation.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NamingAndTypesTest {

    enum Status { DRAFT, PUBLISHED, ARCHIVED_FOREVER }

    @Table
    record EveryType(@Id long id, short small, Boolean flag, @Column(precision = 10, scale = 2) BigDecimal amount,
                     BigDecimal plain, float ratio, Double weight, LocalDate day, LocalTime hour,
                     OffsetDateTime at, Instant seen, byte[] data, @Column(length = 16) byte[] hash, UUID uuid,
                     Status status, char grade, @Column(rawType = "JSONB") String payload,
                     @Column(type = GenericType.CHAR, length = 2) String country) {
    }

    @Table(name = "posts")
    @Index(columns = {"authorId", "published_on"})
    @Index(name = "posts_title_idx", columns = "title", unique = true)
    @UniqueConstraint(columns = {"slug", "authorId"})
    @Check(name = "title_not_empty", expression = "length(title) > 0")
    static class Post {
        @Id
        @Column(name = "post_id")
        String slugKey;
        String title;
        @Column(index = true)
        String slug;
        @ForeignKey(table = "posts", column = "post_id", onDelete = ReferentialAction.CASCADE, name = "posts_author")
        String authorId;
        LocalDate publishedOn;
    }

    @Table
    record NoAuto(@Id(autoincrement = false) Integer id) {
    }

    @Test
    void snakeCaseAsFlaskSqlalchemy() {
        assertThat(NamingConvention.snakeCase("ArticleCategories")).isEqualTo("article_categories");
        assertThat(NamingConvention.snakeCase("HTMLParser")).isEqualTo("html_parser");
        assertThat(NamingConvention.snakeCase("articleId")).isEqualTo("article_id");
        assertThat(NamingConvention.snakeCase("item_id")).isEqualTo("item_id");
        assertThat(NamingConvention.snakeCase("Version2Table")).isEqualTo("version2_table");
    }

    @Test
    void longNamesAreCutStably() {
        String name = NamingConvention.foreignKey("a_rather_long_table_name_for_things",
                List.of("another_quite_long_column_name"), "the_referred_table");

        assertThat(name).hasSize(60).startsWith("fk_a_rather_long_table_name_for_things_another_quite_lo_");
        assertThat(NamingConvention.foreignKey("a_rather_long_table_name_for_things",
                List.of("another_quite_long_column_name"), "the_referred_table")).isEqualTo(name);
    }

    @Test
    void mapsJavaTypes() {
        dev.migrate.schema.Table table = ModelReader.readTable(EveryType.class);

        assertThat(table.columns()).extracting(c -> c.name() + " " + c.type() + (c.nullable() ? "" : " NOT NULL"))
                .containsExactly("id BIGINT NOT NULL", "small SMALLINT NOT NULL", "flag BOOLEAN",
                        "amount DECIMAL(10, 2)", "plain DECIMAL", "ratio REAL NOT NULL", "weight DOUBLE", "day DATE",
                        "hour TIME", "at TIMESTAMP_WITH_TIME_ZONE", "seen TIMESTAMP_WITH_TIME_ZONE", "data BINARY",
                        "hash BINARY(16)", "uuid UUID", "status VARCHAR(16)", "grade CHAR(1) NOT NULL",
                        "payload JSONB", "country CHAR(2)");
        assertThat(table.column("id").orElseThrow().autoincrement()).isTrue();
    }

    @Test
    void namesConstraintsByTheConvention() {
        dev.migrate.schema.Table table = ModelReader.readTable(Post.class);

        assertThat(table.primaryKey()).isEqualTo(new PrimaryKey("pk_posts", List.of("post_id")));
        assertThat(table.column("post_id").orElseThrow().autoincrement()).isFalse();
        assertThat(table.indexes()).containsExactly(
                new dev.migrate.schema.Index("ix_posts_author_id_published_on", List.of("author_id", "published_on"),
                        false),
                new dev.migrate.schema.Index("ix_posts_slug", List.of("slug"), false),
                new dev.migrate.schema.Index("posts_title_idx", List.of("title"), true));
        assertThat(table.uniqueConstraints()).containsExactly(
                new dev.migrate.schema.UniqueConstraint("uq_posts_slug_author_id", List.of("slug", "author_id")));
        assertThat(table.checks()).containsExactly(
                new CheckConstraint("ck_posts_title_not_empty", "length(title) > 0"));
        assertThat(table.foreignKeys()).containsExactly(new dev.migrate.schema.ForeignKey("posts_author",
                List.of("author_id"), "posts", List.of("post_id"), ReferentialAction.CASCADE, null));
    }

    @Test
    void autoincrementCanBeTurnedOff() {
        assertThat(ModelReader.readTable(NoAuto.class).column("id").orElseThrow().autoincrement()).isFalse();
    }
}
