package dev.migrate.autogenerate;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.op.AddColumn;
import dev.migrate.op.AddForeignKey;
import dev.migrate.op.AlterColumn;
import dev.migrate.op.CreateTable;
import dev.migrate.op.DropColumn;
import dev.migrate.op.DropForeignKey;
import dev.migrate.op.DropTable;
import dev.migrate.op.ExecuteSql;
import dev.migrate.op.Operation;
import dev.migrate.op.RebuildTable;
import dev.migrate.op.RenameColumn;
import dev.migrate.op.RenameTable;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.TableBuilder;
import dev.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.migrate.autogenerate.Schemas.INT;
import static dev.migrate.autogenerate.Schemas.TEXT;
import static dev.migrate.autogenerate.Schemas.col;
import static dev.migrate.autogenerate.Schemas.items;
import static dev.migrate.autogenerate.Schemas.of;
import static dev.migrate.autogenerate.Schemas.stores;
import static org.assertj.core.api.Assertions.assertThat;

/** The comparators on in-memory schemas, Atlas-style: from (the database), to (the models), what is detected. */
class ComparatorTest {

    private static final Dialect PG = new PostgresDialect();
    private static final Dialect SQLITE = new SqliteDialect();

    /** The database as PostgreSQL reflection reports the models after creating them. */
    private static Schema reflected(Dialect dialect, Schema models) {
        return Schema.of(models.tables().stream().map(dialect::canonical).toList());
    }

    private static Changes compare(Dialect dialect, Schema database, Schema models, CompareOptions options) {
        return Autogenerate.compare(models, database, dialect, options);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("added table", of(stores()), of(stores(), items()),
                        List.of("Detected added table 'items'")),
                Arguments.of("removed table", of(stores(), items()), of(stores()),
                        List.of("Detected removed table 'items'")),
                Arguments.of("added column", of(stores(), items()),
                        of(stores(), items().column(col("description", TEXT))),
                        List.of("Detected added column 'items.description'")),
                Arguments.of("removed column", of(stores(), items().column(col("description", TEXT))),
                        of(stores(), items()), List.of("Detected removed column 'items.description'")),
                Arguments.of("type change", of(stores().column(col("city", ColumnType.varchar(80)))),
                        of(stores().column(col("city", ColumnType.varchar(120)))),
                        List.of("Detected type change from VARCHAR(80) to VARCHAR(120) on 'stores.city'")),
                Arguments.of("nullability", of(stores().column(col("city", TEXT))),
                        of(stores().column(col("city", TEXT).notNull().withServerDefault("'x'"))),
                        List.of("Detected NOT NULL on column 'stores.city'",
                                "Detected server default 'x' on column 'stores.city'")),
                Arguments.of("default change", of(stores().column(col("open", ColumnType.of(GenericType.BOOLEAN))
                                .withServerDefault("false"))),
                        of(stores().column(col("open", ColumnType.of(GenericType.BOOLEAN)).withServerDefault("TRUE"))),
                        List.of("Detected server default change from false to true on column 'stores.open'")),
                Arguments.of("default equal in another spelling", of(stores().column(col("open",
                                ColumnType.of(GenericType.BOOLEAN)).withServerDefault("true"))),
                        of(stores().column(col("open", ColumnType.of(GenericType.BOOLEAN)).withServerDefault("(1)"))),
                        List.of()),
                Arguments.of("primary key change", of(Table.builder("tags").column(col("a", INT).notNull())
                                .column(col("b", INT).notNull()).primaryKey("pk_tags", "a")),
                        of(Table.builder("tags").column(col("a", INT).notNull()).column(col("b", INT).notNull())
                                .primaryKey("pk_tags", "a", "b")),
                        List.of("Detected primary key change on 'tags' from (a) to (a, b)")),
                Arguments.of("unique added", of(stores()), of(stores().unique(new UniqueConstraint("uq_stores_name",
                                List.of("name")))),
                        List.of("Detected added unique constraint 'uq_stores_name' on 'stores' (name)")),
                Arguments.of("unique dropped", of(stores().unique(new UniqueConstraint("uq_stores_name", List.of("name")))),
                        of(stores()), List.of("Detected removed unique constraint 'uq_stores_name' on 'stores' (name)")),
                Arguments.of("index added", of(stores()), of(stores().index(new Index("ix_stores_name", List.of("name"), false))),
                        List.of("Detected added index 'ix_stores_name' on 'stores' (name)")),
                Arguments.of("index dropped", of(stores().index(new Index("ix_stores_name", List.of("name"), false))),
                        of(stores()), List.of("Detected removed index 'ix_stores_name' on 'stores'")),
                Arguments.of("foreign key added", of(stores(), withoutForeignKeys(items())),
                        of(stores(), items()), List.of("Detected added foreign key 'fk_items_store_id_stores' 'items' "
                                + "(store_id) -> 'stores' (id)")),
                Arguments.of("foreign key dropped", of(stores(), items()), of(stores(), withoutForeignKeys(items())),
                        List.of("Detected removed foreign key 'fk_items_store_id_stores' 'items' (store_id) -> 'stores' (id)")),
                Arguments.of("foreign key action change", of(stores(), items()), of(stores(), withoutForeignKeys(items())
                                .foreignKey(new ForeignKey("fk_items_store_id_stores", List.of("store_id"), "stores",
                                        List.of("id"), ReferentialAction.RESTRICT, null))),
                        List.of("Detected foreign key action change on 'fk_items_store_id_stores' 'items' (store_id) -> "
                                + "'stores' (id): ON DELETE CASCADE ON UPDATE NO ACTION to ON DELETE RESTRICT ON UPDATE NO ACTION")),
                Arguments.of("check added", of(stores(), items()), of(stores(), items().check(new CheckConstraint(
                                "ck_items_price", "price >= 0"))),
                        List.of("Detected added check constraint 'ck_items_price' on 'items': price >= 0")),
                Arguments.of("check dropped", of(stores(), items().check(new CheckConstraint("ck_items_price", "price >= 0"))),
                        of(stores(), items()), List.of("Detected removed check constraint 'ck_items_price' on 'items': price >= 0"))
        );
    }

    private static dev.migrate.schema.TableBuilder withoutForeignKeys(dev.migrate.schema.TableBuilder builder) {
        Table table = builder.build();
        dev.migrate.schema.TableBuilder copy = Table.builder(table.name());
        table.columns().forEach(copy::column);
        copy.primaryKey(table.primaryKey().name(), table.primaryKey().columns().toArray(String[]::new));
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void detects(String name, Schema database, Schema models, List<String> expected) {
        for (Dialect dialect : List.of(PG, SQLITE)) {
            Changes changes = compare(dialect, reflected(dialect, database), models, CompareOptions.defaults());
            assertThat(changes.descriptions()).as(dialect.name()).containsExactlyElementsOf(expected);
            assertThat(changes.isEmpty()).isEqualTo(expected.isEmpty());
            // The downgrade undoes it: comparing the other way finds the same number of objects changed.
            assertThat(changes.downgradeOperations()).hasSameSizeAs(changes.operations());
        }
    }

    @Test
    void anUnchangedSchemaYieldsNothing() {
        Schema models = of(stores().unique(new UniqueConstraint(null, List.of("name"))),
                items().column(col("sku", ColumnType.of(GenericType.CHAR))).column(col("weight",
                        ColumnType.decimal(8, null))).index(new Index("ix_items_name", List.of("name"), false)));
        for (Dialect dialect : List.of(PG, SQLITE)) {
            assertThat(compare(dialect, reflected(dialect, models), models, CompareOptions.defaults()).operations())
                    .as(dialect.name()).isEmpty();
        }
    }

    @Test
    void createsComeInForeignKeyOrderAndDropsInReverse() {
        Schema models = of(Table.builder("a_child").column(col("id", INT).notNull()).column(col("parent_id", INT))
                        .primaryKey(null, "id").foreignKey(new ForeignKey(null, List.of("parent_id"), "z_parent",
                                List.of("id"), null, null)),
                Table.builder("z_parent").column(col("id", INT).notNull()).primaryKey(null, "id"));
        Changes up = compare(PG, Schema.of(List.of()), models, CompareOptions.defaults());
        assertThat(up.operations()).extracting(Operation::tableName).containsExactly("z_parent", "a_child");
        Changes down = compare(PG, reflected(PG, models), Schema.of(List.of()), CompareOptions.defaults());
        assertThat(down.operations()).extracting(Operation::tableName).containsExactly("a_child", "z_parent");
        assertThat(down.downgradeOperations()).extracting(Operation::tableName).containsExactly("z_parent", "a_child");
    }

    /** A table with an id and one foreign key {@code <referred>_id} to each referred table. */
    private static TableBuilder referring(String name, String... referred) {
        TableBuilder table = Table.builder(name).column(col("id", INT).notNull()).primaryKey(null, "id");
        for (String parent : referred) {
            table.column(col(parent + "_id", INT)).foreignKey(new ForeignKey("fk_" + name + "_" + parent,
                    List.of(parent + "_id"), parent, List.of("id"), null, null));
        }
        return table;
    }

    private static String describe(Operation operation) {
        if (operation instanceof CreateTable create) {
            return "create " + create.tableName() + create.table().foreignKeys().stream().map(ForeignKey::name).toList();
        }
        if (operation instanceof DropTable drop) {
            return "drop " + drop.tableName() + drop.table().foreignKeys().stream().map(ForeignKey::name).toList();
        }
        if (operation instanceof AddForeignKey add) {
            return "add " + add.foreignKey().name();
        }
        if (operation instanceof ExecuteSql sql) {
            return "sql " + sql.upgrade().lines().filter(line -> !line.startsWith("--")).toList();
        }
        return operation instanceof DropForeignKey drop ? "drop " + drop.foreignKey().name() : operation.toString();
    }

    @Test
    void foreignKeyCyclesAreClosedAfterTheTablesWhereTheDatabaseChecksReferences() {
        // self refers only to itself, so it waits for nothing; award refers into the author/book cycle without
        // being part of it; a -> c -> b -> a is a cycle of three that waits for the other cycle (a -> book)
        Schema models = of(referring("author", "book"), referring("book", "author"), referring("award", "book"),
                referring("a", "c", "book"), referring("b", "a"), referring("c", "b"), referring("self", "self"));
        Changes up = compare(PG, Schema.of(List.of()), models, CompareOptions.defaults());
        assertThat(up.operations()).extracting(ComparatorTest::describe).containsExactly(
                "create self[fk_self_self]", "create author[]", "create book[fk_book_author]",
                "create award[fk_award_book]", "create a[fk_a_book]", "create b[fk_b_a]", "create c[fk_c_b]",
                "add fk_author_book", "add fk_a_c");
        assertThat(up.descriptions()).containsExactly("Detected added table 'self'", "Detected added table 'author'",
                "Detected added table 'book'", "Detected added table 'award'", "Detected added table 'a'",
                "Detected added table 'b'", "Detected added table 'c'");
        assertThat(up.upgradeSql()).contains("ALTER TABLE a ADD CONSTRAINT fk_a_c FOREIGN KEY (c_id) REFERENCES c (id);\n");
        assertThat(up.downgradeOperations()).extracting(ComparatorTest::describe).containsExactly(
                "drop fk_a_c", "drop fk_author_book", "drop c[fk_c_b]", "drop b[fk_b_a]", "drop a[fk_a_book]",
                "drop award[fk_award_book]", "drop book[fk_book_author]", "drop author[]", "drop self[fk_self_self]");

        Changes down = compare(PG, reflected(PG, models), Schema.of(List.of()), CompareOptions.defaults());
        assertThat(down.operations()).extracting(ComparatorTest::describe)
                .containsExactlyElementsOf(up.downgradeOperations().stream().map(ComparatorTest::describe).toList());
        assertThat(down.descriptions()).hasSize(7).allMatch(line -> line.startsWith("Detected removed table"));

        // SQLite has no ALTER TABLE ... ADD CONSTRAINT, and does not look for the referred table at CREATE TABLE
        Changes sqlite = compare(SQLITE, Schema.of(List.of()), models, CompareOptions.defaults());
        assertThat(sqlite.operations()).extracting(ComparatorTest::describe).containsExactly(
                "create self[fk_self_self]", "create author[fk_author_book]", "create book[fk_book_author]",
                "create award[fk_award_book]", "create a[fk_a_c, fk_a_book]", "create b[fk_b_a]", "create c[fk_c_b]",
                "sql []");
        assertThat(sqlite.upgradeSql()).doesNotContain("ALTER", "PRAGMA");
        // with foreign keys enforced, DROP TABLE deletes the rows, and a cycle's rows refer to each other
        assertThat(sqlite.downgradeSql()).startsWith("-- tables that refer to each other: foreign keys checked at commit\n"
                + "PRAGMA defer_foreign_keys = ON;\n\n-- WARNING: c: dropping the table loses all its rows\nDROP TABLE c;");
        Changes sqliteDown = compare(SQLITE, reflected(SQLITE, models), Schema.of(List.of()), CompareOptions.defaults());
        assertThat(sqliteDown.upgradeSql()).isEqualTo(sqlite.downgradeSql());
    }

    @Test
    void renamedColumnIsARenameWhenTheDeciderSaysSo() {
        Schema database = reflected(PG, of(stores().column(col("title", ColumnType.varchar(50)))));
        Schema models = of(stores().column(col("label", ColumnType.varchar(50))));
        List<RenameCandidate> asked = new ArrayList<>();
        Changes accepted = compare(PG, database, models, CompareOptions.builder().renameDecider(candidate -> {
            asked.add(candidate);
            return true;
        }).build());
        assertThat(asked).containsExactly(new RenameCandidate(ObjectKind.COLUMN, "stores", "title", "label"));
        assertThat(accepted.operations()).containsExactly(new RenameColumn("stores", "title", "label"));
        assertThat(accepted.descriptions()).containsExactly("Detected renamed column 'stores.title' to 'stores.label'");

        Changes refused = compare(PG, database, models, CompareOptions.builder().renameDecider(RenameDecider.NEVER).build());
        assertThat(refused.operations()).hasSize(2).first().isInstanceOf(AddColumn.class);
        assertThat(refused.operations().get(1)).isInstanceOf(DropColumn.class);
        assertThat(refused.warnings()).extracting(DataLossWarning::kind).containsExactly(DataLossWarning.Kind.DROP_COLUMN);
    }

    @Test
    void aColumnOfAnotherTypeIsNoRenameCandidate() {
        Schema database = reflected(PG, of(stores().column(col("title", ColumnType.varchar(50)))));
        Schema models = of(stores().column(col("label", TEXT)));
        List<RenameCandidate> asked = new ArrayList<>();
        compare(PG, database, models, CompareOptions.builder().renameDecider(candidate -> asked.add(candidate)).build());
        assertThat(asked).isEmpty();
    }

    @Test
    void renamedTableIsARenameWhenTheDeciderSaysSo() {
        Schema database = reflected(PG, of(stores()));
        Schema models = of(Table.builder("shops").column(Schemas.id()).column(col("name", ColumnType.varchar(80)).notNull())
                .primaryKey("pk_stores", "id"));
        Changes accepted = compare(PG, database, models, CompareOptions.builder().renameDecider(RenameDecider.ALWAYS).build());
        assertThat(accepted.operations()).containsExactly(new RenameTable("stores", "shops"));
        Changes refused = compare(PG, database, models, CompareOptions.builder().renameDecider(RenameDecider.policy("never")).build());
        assertThat(refused.operations()).extracting(operation -> operation.getClass().getSimpleName())
                .containsExactly("CreateTable", "DropTable");
    }

    @Test
    void builtInFiltersLeaveEngineVirtualShadowAndUnmanagedTablesAlone() {
        Schema database = Schema.of(List.of(
                Table.builder("alembic_version").column(col("version_num", ColumnType.varchar(32)).notNull()).build(),
                Table.builder("migrate_log").column(col("id", INT)).build(),
                Table.builder("article_search").virtual("CREATE VIRTUAL TABLE article_search USING fts5(title)").build(),
                Table.builder("article_search_data").column(col("id", INT)).build(),
                Table.builder("article_search_idx").column(col("segid", INT)).build(),
                Table.builder("article_search_config").column(col("k", TEXT)).build(),
                Table.builder("places_rtree_node").column(col("nodeno", INT)).build(),
                Table.builder("places_rtree").virtual("CREATE VIRTUAL TABLE places_rtree USING rtree(id, x0, x1)").build(),
                Table.builder("sqlite_sequence").column(col("name", TEXT)).build(),
                Table.builder("legacy").column(col("id", INT)).build()));
        Schema models = Schema.of(List.of(Table.builder("legacy").column(col("id", TEXT)).unmanaged().build()));
        assertThat(compare(SQLITE, database, models, CompareOptions.defaults()).operations()).isEmpty();

        Schema withOwned = Schema.of(List.of(Table.builder("postgis_layer").column(col("id", INT)).build()));
        assertThat(compare(PG, withOwned, Schema.of(List.of()), CompareOptions.defaults()).operations())
                .singleElement().isInstanceOf(DropTable.class);
        assertThat(compare(PG, withOwned, Schema.of(List.of()), CompareOptions.builder().keepUnownedTables(true).build())
                .operations()).isEmpty();
    }

    @Test
    void theIncludeHookSeesEveryComparedObjectAndCanExcludeIt() {
        Schema database = reflected(PG, of(stores(), Table.builder("postgis_layer").column(col("id", INT))));
        Schema models = of(stores().column(col("city", TEXT)), items());
        List<String> seen = new ArrayList<>();
        Changes changes = compare(PG, database, models, CompareOptions.builder().includeObject(
                (kind, name, object, reflected, comparedTo) -> {
                    seen.add(kind + " " + name + " " + (reflected ? "reflected" : "model")
                            + (comparedTo == null ? " alone" : ""));
                    // The seed's include_object: keep reflected tables the models do not have, skip 'items'.
                    return !(kind == ObjectKind.TABLE && reflected && comparedTo == null) && !"items".equals(name);
                }).build());
        assertThat(seen).contains("TABLE items model alone", "TABLE stores model", "TABLE postgis_layer reflected alone",
                "COLUMN city model alone", "COLUMN name model");
        assertThat(changes.descriptions()).containsExactly("Detected added column 'stores.city'");
    }

    @Test
    void sqliteRebuildsWhatItCannotAlterAndKeepsRenamedColumns() {
        Schema database = reflected(SQLITE, of(stores().column(col("title", ColumnType.varchar(80)))));
        Schema models = of(stores().column(col("label", ColumnType.varchar(80))).column(col("city", ColumnType.varchar(120))
                .notNull()).unique(new UniqueConstraint("uq_stores_name", List.of("name"))));
        Changes changes = compare(SQLITE, database, models, CompareOptions.builder().renameDecider(RenameDecider.ALWAYS)
                .tablesWithRows(Set.of("stores")).build());
        // the rebuild keeps the old name; SQLite's RENAME COLUMN then renames it, rewriting triggers and views
        assertThat(changes.operations()).hasSize(2);
        assertThat(changes.operations().get(0)).isInstanceOfSatisfying(RebuildTable.class, rebuild -> {
            assertThat(rebuild.columnSources()).containsEntry("title", "title").containsEntry("id", "id")
                    .doesNotContainKey("city");
        });
        assertThat(changes.operations().get(1)).isEqualTo(new dev.migrate.op.RenameColumn("stores", "title", "label"));
        assertThat(changes.descriptions()).containsExactly(
                "Detected renamed column 'stores.title' to 'stores.label'",
                "Detected added column 'stores.city'",
                "Detected added unique constraint 'uq_stores_name' on 'stores' (name)");
        assertThat(changes.warnings()).extracting(DataLossWarning::kind)
                .containsExactly(DataLossWarning.Kind.NOT_NULL_WITHOUT_DEFAULT);
    }

    @Test
    void sqliteAltersInPlaceWhatItCan() {
        Schema database = reflected(SQLITE, of(stores().column(col("old", TEXT))));
        Schema models = of(stores().column(col("city", TEXT).notNull().withServerDefault("'Paris'"))
                .index(new Index("ix_stores_name", List.of("name"), false)));
        Changes changes = compare(SQLITE, database, models, CompareOptions.defaults());
        assertThat(changes.operations()).extracting(operation -> operation.getClass().getSimpleName())
                .containsExactly("AddColumn", "DropColumn", "CreateIndex");
    }

    @Test
    void dataLossWarnings() {
        Schema database = reflected(PG, of(stores().column(col("code", TEXT)).column(col("qty", ColumnType.of(GenericType.BIGINT)))
                .column(col("amount", ColumnType.decimal(12, 4))).column(col("gone", TEXT))));
        Schema models = of(stores().column(col("code", ColumnType.varchar(10))).column(col("qty", INT))
                .column(col("amount", ColumnType.decimal(10, 2))).column(col("added", INT).notNull()));
        Changes changes = compare(PG, database, models, CompareOptions.builder().tablesWithRows(Set.of("stores")).build());
        assertThat(changes.warnings()).extracting(DataLossWarning::message).containsExactlyInAnyOrder(
                "stores.added: a NOT NULL column without a server default cannot be added to a table with rows; "
                        + "give it a default or fill it in steps",
                "stores.code: type change from TEXT to VARCHAR(10) can truncate longer values",
                "stores.qty: type change from BIGINT to INTEGER cannot hold the larger values",
                "stores.amount: type change from DECIMAL(12, 4) to DECIMAL(10, 2) can round or overflow values",
                "stores.gone: dropping the column loses its values");
        assertThat(changes.upgradeSql()).contains("-- WARNING: stores.gone: dropping the column loses its values\n"
                + "ALTER TABLE stores DROP COLUMN gone;");
        Changes empty = compare(PG, database, models, CompareOptions.defaults());
        assertThat(empty.warnings()).extracting(DataLossWarning::kind).doesNotContain(DataLossWarning.Kind.NOT_NULL_WITHOUT_DEFAULT);
    }

    @Test
    void scriptSectionsAreDeterministicAndTheDowngradeIsTheInverse() {
        Schema database = reflected(PG, of(stores()));
        Schema models = of(stores().column(col("city", ColumnType.varchar(40))), items());
        Changes changes = compare(PG, database, models, CompareOptions.defaults());
        assertThat(changes.operations()).first().isInstanceOf(CreateTable.class);
        assertThat(changes.upgradeSql()).isEqualTo(compare(PG, database, models, CompareOptions.defaults()).upgradeSql());
        assertThat(changes.upgradeSql()).isEqualTo("""
                CREATE TABLE items (
                    id integer GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    name varchar(80) NOT NULL,
                    price numeric(10, 2),
                    store_id integer NOT NULL,
                    CONSTRAINT pk_items PRIMARY KEY (id),
                    CONSTRAINT fk_items_store_id_stores FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
                );

                ALTER TABLE stores ADD COLUMN city varchar(40);
                """);
        assertThat(changes.downgradeSql()).isEqualTo("""
                -- WARNING: stores.city: dropping the column loses its values
                ALTER TABLE stores DROP COLUMN city;

                -- WARNING: items: dropping the table loses all its rows
                DROP TABLE items;
                """);
        assertThat(changes.operations().get(1)).isInstanceOf(AddColumn.class);
        assertThat(changes.downgradeOperations().get(0)).isInstanceOf(DropColumn.class);
        assertThat(changes.downgradeOperations()).noneMatch(operation -> operation instanceof AlterColumn);
    }
}
