package dev.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Index;
import dev.migrate.schema.annotation.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelErrorsTest {

    static class NotAModel {
        Integer id;
    }

    @Table
    record NoKey(String name) {
    }

    @Table(name = "orphan")
    record Orphan(@Id Integer id, @ForeignKey(table = "nowhere", column = "id") Integer nowhereId) {
    }

    @Table(name = "wrong_column")
    record WrongColumn(@Id Integer id,
                       @ForeignKey(table = "category", column = "id") Integer categoryId) {
    }

    @Table(name = "category")
    record OtherCategory(@Id Integer id) {
    }

    @Table
    record SameColumn(@Id Integer id, @Column(name = "id") Integer other) {
    }

    @Table
    record Unmappable(@Id Integer id, List<String> tags) {
    }

    @Table
    record LengthOnInteger(@Id Integer id, @Column(length = 10) Integer count) {
    }

    @Table
    @Index(columns = "missing")
    record IndexOnMissingColumn(@Id Integer id) {
    }

    @Test
    void aClassWithoutTableIsNotAModel() {
        assertThatThrownBy(() -> ModelReader.read(NotAModel.class))
                .isInstanceOf(ModelException.class)
                .hasMessage("dev.migrate.schema.ModelErrorsTest$NotAModel is not a model: annotate a class or record"
                        + " with @Table");
    }

    @Test
    void aModelNeedsAPrimaryKey() {
        assertThatThrownBy(() -> ModelReader.read(NoKey.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$NoKey: model of table 'no_key' has no primary key;"
                        + " mark its key field(s) with @Id");
    }

    @Test
    void aForeignKeyToATableNoModelDeclares() {
        assertThatThrownBy(() -> ModelReader.read(Orphan.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$Orphan.nowhereId: foreign key"
                        + " fk_orphan_nowhere_id_nowhere refers to table 'nowhere', which no model declares;"
                        + " declare it (as an @Unmanaged model if migrations must not manage it)");
    }

    @Test
    void aForeignKeyToAColumnTheTableDoesNotHave() {
        assertThatThrownBy(() -> ModelReader.read(WrongColumn.class, BlogModels.Category.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$WrongColumn.categoryId: foreign key"
                        + " fk_wrong_column_category_id_category refers to column 'category.id', which"
                        + " dev.migrate.schema.BlogModels$Category does not declare");
    }

    @Test
    void aForeignKeyResolvesAcrossSources() {
        Schema schema = ModelSources.merge(ModelSource.annotated(WrongColumn.class),
                ModelSource.annotated(OtherCategory.class)).schema();

        assertThat(schema.tables()).extracting(dev.migrate.schema.Table::name).containsExactly("category", "wrong_column");
    }

    @Test
    void aTableDeclaredTwice() {
        assertThatThrownBy(() -> ModelReader.read(BlogModels.Category.class, OtherCategory.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$OtherCategory: table 'category' is already declared"
                        + " by dev.migrate.schema.BlogModels$Category; give one of them another @Table(name = ...)");
    }

    @Test
    void aColumnDeclaredTwice() {
        assertThatThrownBy(() -> ModelReader.read(SameColumn.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$SameColumn.other: column 'id' is already declared in"
                        + " table 'same_column'; give one of them another @Column(name = ...)");
    }

    @Test
    void aJavaTypeWithoutAColumnType() {
        assertThatThrownBy(() -> ModelReader.read(Unmappable.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$Unmappable.tags: no column type for Java type"
                        + " java.util.List; give @Column(type = GenericType...) or @Column(rawType = \"...\"), or mark"
                        + " it @Transient");
    }

    @Test
    void aLengthOnAnInteger() {
        assertThatThrownBy(() -> ModelReader.read(LengthOnInteger.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$LengthOnInteger.count: a length applies to VARCHAR,"
                        + " CHAR and BINARY columns, not INTEGER");
    }

    @Test
    void anIndexOnAColumnTheModelDoesNotHave() {
        assertThatThrownBy(() -> ModelReader.read(IndexOnMissingColumn.class))
                .hasMessage("dev.migrate.schema.ModelErrorsTest$IndexOnMissingColumn: @Index names 'missing', which"
                        + " is neither a column nor a field of the model");
    }

    enum Size { S, M }

    enum OtherSize { S, M, L }

    @Table(name = "shirts")
    record TextEnum(@Id Integer id, @Column(enumType = "size") String size) {
    }

    @Table(name = "shirts")
    record Shirt(@Id Integer id, @Column(enumType = "size") Size size) {
    }

    @Table(name = "coats")
    record Coat(@Id Integer id, @Column(enumType = "size") OtherSize size) {
    }

    @Test
    void anEnumTypeNeedsAnEnumFieldAndOneSetOfLabels() {
        assertThatThrownBy(() -> ModelReader.read(TextEnum.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("TextEnum.size: @Column(enumType = \"size\") needs a Java enum field");
        assertThatThrownBy(() -> ModelReader.read(Shirt.class, Coat.class)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Coat.size: enum type 'size' has labels [S, M, L] here but [S, M] in ");
        assertThat(ModelReader.read(Shirt.class).enumTypes())
                .containsExactly(new Schema.EnumType("size", List.of("S", "M")));
    }
}
