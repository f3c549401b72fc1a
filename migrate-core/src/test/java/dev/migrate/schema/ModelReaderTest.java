package dev.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelReaderTest {

    private static final ColumnType INTEGER = ColumnType.of(GenericType.INTEGER);

    @Test
    void readsTheBlogModels() {
        Schema schema = ModelReader.read(BlogModels.ArticleSearch.class, BlogModels.ArticleCategories.class,
                BlogModels.Category.class, BlogModels.Article.class);

        Table article = Table.builder("article")
                .column(Column.of("article_id", INTEGER).notNull().withAutoincrement(true))
                .column(Column.of("title", ColumnType.varchar(200)).notNull())
                .column(Column.of("content", ColumnType.of(GenericType.TEXT)))
                .column(Column.of("created_at", ColumnType.of(GenericType.TIMESTAMP)).notNull()
                        .withServerDefault("CURRENT_TIMESTAMP"))
                .primaryKey("pk_article", "article_id")
                .build();
        Table articleCategories = Table.builder("article_categories")
                .column(Column.of("article_id", INTEGER).notNull())
                .column(Column.of("category_id", INTEGER).notNull())
                .primaryKey("pk_article_categories", "article_id", "category_id")
                .foreignKey(new ForeignKey("fk_article_categories_article_id_article", List.of("article_id"),
                        "article", List.of("article_id"), null, null))
                .foreignKey(new ForeignKey("fk_article_categories_category_id_category", List.of("category_id"),
                        "category", List.of("category_id"), null, null))
                .build();
        Table articleSearch = Table.builder("article_search")
                .column(Column.of("title", ColumnType.varchar(null)))
                .column(Column.of("content", ColumnType.varchar(null)))
                .virtual("CREATE VIRTUAL TABLE article_search USING "
                        + "fts5(title, content, content=article, content_rowid=article_id)")
                .unmanaged()
                .build();
        Table category = Table.builder("category")
                .column(Column.of("category_id", INTEGER).notNull().withAutoincrement(true))
                .column(Column.of("title", ColumnType.varchar(null)))
                .column(Column.of("slug", ColumnType.varchar(null)))
                .primaryKey("pk_category", "category_id")
                .unique(new UniqueConstraint("uq_category_slug", List.of("slug")))
                .build();

        assertThat(schema).isEqualTo(Schema.of(List.of(article, articleCategories, articleSearch, category)));
        assertThat(schema.tables()).extracting(Table::name)
                .containsExactly("article", "article_categories", "article_search", "category");
        assertThat(schema.table("article_search").orElseThrow().kind()).isEqualTo(TableKind.VIRTUAL);
        assertThat(schema.table("article_search").orElseThrow().managed()).isFalse();
    }

    @dev.migrate.schema.annotation.Table(name = "docs")
    @dev.migrate.schema.annotation.Index(name = "ix_docs_live", columns = "title", where = "deleted_at IS NULL",
            using = "gist", include = "deletedAt")
    record Doc(@dev.migrate.schema.annotation.Id Integer id, String title, java.time.LocalDateTime deletedAt) {
    }

    @Test
    void anIndexAnnotationCarriesItsPredicateMethodAndIncludedColumns() {
        Index index = ModelReader.readTable(Doc.class).indexes().get(0);
        assertThat(index).isEqualTo(new Index("ix_docs_live", List.of("title"), false).where("deleted_at IS NULL")
                .using("gist").including("deleted_at"));
    }

    @Test
    void readsTheStoreModels() {
        Schema schema = ModelReader.read(StoreModels.UserModel.class, StoreModels.ItemsTags.class,
                StoreModels.TagModel.class, StoreModels.ItemModel.class, StoreModels.StoreModel.class);

        Column id = Column.of("id", INTEGER).notNull().withAutoincrement(true);
        Table stores = Table.builder("stores")
                .column(id)
                .column(Column.of("name", ColumnType.varchar(80)).notNull())
                .primaryKey("pk_stores", "id")
                .unique(new UniqueConstraint("uq_stores_name", List.of("name")))
                .build();
        Table items = Table.builder("items")
                .column(id)
                .column(Column.of("name", ColumnType.varchar(80)).notNull())
                .column(Column.of("description", ColumnType.varchar(null)))
                .column(Column.of("price", ColumnType.of(GenericType.DOUBLE)).notNull())
                .column(Column.of("store_id", INTEGER).notNull())
                .primaryKey("pk_items", "id")
                .foreignKey(new ForeignKey("fk_items_store_id_stores", List.of("store_id"), "stores", List.of("id"),
                        null, null))
                .unique(new UniqueConstraint("uq_items_name", List.of("name")))
                .build();
        Table tags = Table.builder("tags")
                .column(id)
                .column(Column.of("name", ColumnType.varchar(80)).notNull())
                .column(Column.of("store_id", INTEGER).notNull())
                .primaryKey("pk_tags", "id")
                .foreignKey(new ForeignKey("fk_tags_store_id_stores", List.of("store_id"), "stores", List.of("id"),
                        null, null))
                .build();
        Table itemsTags = Table.builder("items_tags")
                .column(id)
                .column(Column.of("item_id", INTEGER))
                .column(Column.of("tag_id", INTEGER))
                .primaryKey("pk_items_tags", "id")
                .foreignKey(new ForeignKey("fk_items_tags_item_id_items", List.of("item_id"), "items", List.of("id"),
                        null, null))
                .foreignKey(new ForeignKey("fk_items_tags_tag_id_tags", List.of("tag_id"), "tags", List.of("id"),
                        null, null))
                .build();
        Table users = Table.builder("users")
                .column(id)
                .column(Column.of("username", ColumnType.varchar(80)).notNull())
                .column(Column.of("password", ColumnType.varchar(256)).notNull())
                .primaryKey("pk_users", "id")
                .unique(new UniqueConstraint("uq_users_username", List.of("username")))
                .build();

        assertThat(schema).isEqualTo(Schema.of(List.of(stores, items, tags, itemsTags, users)));
        assertThat(schema.tables()).extracting(Table::name)
                .containsExactly("items", "items_tags", "stores", "tags", "users");
    }
}
