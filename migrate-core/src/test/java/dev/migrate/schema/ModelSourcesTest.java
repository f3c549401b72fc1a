package dev.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSourcesTest {

    private static final ModelSource BLOG = ModelSource.annotated(BlogModels.Article.class, BlogModels.Category.class,
            BlogModels.ArticleCategories.class);

    @Test
    void mergesAnnotatedAndProgrammaticSources() {
        ModelSource search = ModelSource.builders(Table.builder("article_search")
                .column(Column.of("title", ColumnType.of(GenericType.TEXT)))
                .virtual("CREATE VIRTUAL TABLE article_search USING fts5(title)")
                .unmanaged());

        Schema schema = ModelSources.merge(BLOG, search).schema();

        assertThat(schema.tables()).extracting(Table::name)
                .containsExactly("article", "article_categories", "article_search", "category");
        assertThat(schema.table("article_search").orElseThrow().managed()).isFalse();
    }

    @Test
    void aForeignKeyMayReferToATableOfAnotherSource() {
        ModelSource categories = ModelSource.tables(List.of(Table.builder("category")
                .column(Column.of("category_id", ColumnType.of(GenericType.INTEGER)).notNull())
                .primaryKey("pk_category", "category_id").build()));
        ModelSource links = ModelSource.annotated(BlogModels.ArticleCategories.class, BlogModels.Article.class);

        assertThat(ModelSources.merge(links, categories).schema().tables()).hasSize(3);
    }

    @Test
    void aTableDeclaredByTwoSources() {
        ModelSource programmatic = ModelSource.of(Schema.of(List.of(Table.builder("category")
                .column(Column.of("id", ColumnType.of(GenericType.INTEGER))).build())));

        assertThatThrownBy(() -> ModelSources.merge(BLOG, programmatic))
                .isInstanceOf(ModelException.class)
                .hasMessage("table 'category' is declared twice, differently: by dev.migrate.schema.BlogModels$Category"
                        + " and by table 'category'; describe it in one of them only, or make them agree");
    }

    /** Two sources that agree (records kept while JPA entities take over, say) describe one table. */
    @Test
    void aTableDescribedTheSameByTwoSourcesIsOneTable() {
        Table category = Table.builder("category").column(Column.of("id", ColumnType.of(GenericType.INTEGER))).build();

        assertThat(ModelSources.merge(ModelSource.tables(List.of(category)), ModelSource.tables(List.of(category)))
                .schema().tables()).containsExactly(category);
    }

    /** Sequences are merged as tables are: one the sources agree on is one, described differently it is an error. */
    @Test
    void sequencesOfSeveralSources() {
        ModelSource entities = ModelSource.of(new Schema(List.of(), List.of(), List.of(),
                List.of(Schema.Sequence.standalone("ticket_ids", 1, 50)), List.of()));
        ModelSource again = ModelSource.of(new Schema(List.of(), List.of(), List.of(),
                List.of(Schema.Sequence.standalone("ticket_ids", 1, 50)), List.of()));
        ModelSource other = ModelSource.of(new Schema(List.of(), List.of(), List.of(),
                List.of(Schema.Sequence.standalone("ticket_ids", 1, 20)), List.of()));

        assertThat(ModelSources.merge(entities, again).schema().sequences())
                .containsExactly(Schema.Sequence.standalone("ticket_ids", 1, 50));
        assertThatThrownBy(() -> ModelSources.merge(entities, other))
                .isInstanceOf(ModelException.class)
                .hasMessage("sequence 'ticket_ids' is declared twice, differently (start 1, increment 50; start 1, "
                        + "increment 20); make the models agree");
    }

    @Test
    void aProgrammaticForeignKeyToNothing() {
        ModelSource programmatic = ModelSource.builders(Table.builder("comment")
                .column(Column.of("post_id", ColumnType.of(GenericType.INTEGER)))
                .foreignKey(new ForeignKey("fk_comment_post_id_post", List.of("post_id"), "post", List.of("id"),
                        ReferentialAction.CASCADE, null)));

        assertThatThrownBy(() -> ModelSources.merge(programmatic))
                .hasMessage("column 'comment.post_id': foreign key fk_comment_post_id_post refers to table 'post',"
                        + " which no model declares; declare it (as an @Unmanaged model if migrations must not"
                        + " manage it)");
    }

    @Test
    void aSourceIsAFunction() {
        ModelSource lambda = () -> Schema.of(List.of(Table.builder("t")
                .column(Column.of("id", ColumnType.of(GenericType.INTEGER))).build()));

        assertThat(ModelSources.merge(lambda, BLOG).schema().table("t")).isPresent();
    }
}
