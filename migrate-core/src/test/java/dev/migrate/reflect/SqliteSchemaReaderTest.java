package dev.migrate.reflect;

import dev.migrate.dialect.TableName;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.Index;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.TableKind;
import dev.migrate.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.migrate.schema.ReferentialAction.CASCADE;
import static dev.migrate.schema.ReferentialAction.NO_ACTION;
import static dev.migrate.schema.ReferentialAction.SET_NULL;
import static org.assertj.core.api.Assertions.assertThat;

class SqliteSchemaReaderTest extends SchemaReaderContract {

    static final String BLOG = """
            CREATE TABLE author (
                author_id INTEGER PRIMARY KEY,
                email VARCHAR(255) NOT NULL,
                display_name NVARCHAR(100),
                bio TEXT,
                active BOOLEAN NOT NULL DEFAULT 1,
                created_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
                CONSTRAINT uq_author_email UNIQUE (email)
            );
            CREATE TABLE category (
                category_id INTEGER NOT NULL,
                parent_id INTEGER REFERENCES category (category_id) ON DELETE SET NULL,
                title VARCHAR,
                slug VARCHAR(80) UNIQUE,
                CONSTRAINT pk_category PRIMARY KEY (category_id)
            );
            CREATE TABLE article (
                article_id INTEGER NOT NULL,
                author_id INTEGER NOT NULL,
                title VARCHAR(200) NOT NULL,
                content CLOB NOT NULL,
                status CHAR(1) NOT NULL DEFAULT 'd',
                price NUMERIC(10, 2) DEFAULT 0,
                rating REAL,
                score DOUBLE PRECISION DEFAULT -1.5,
                published_on DATE,
                created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
                CONSTRAINT pk_article PRIMARY KEY (article_id),
                CONSTRAINT fk_article_author FOREIGN KEY (author_id) REFERENCES author (author_id) ON DELETE CASCADE,
                CONSTRAINT ck_article_status CHECK (status IN ('d', 'p')),
                CHECK (price >= 0)
            );
            CREATE INDEX ix_article_author_created ON article (author_id, created_at DESC);
            CREATE TABLE article_categories (
                article_id INTEGER NOT NULL,
                category_id INTEGER NOT NULL,
                CONSTRAINT pk_article_categories PRIMARY KEY (article_id, category_id),
                CONSTRAINT fk_ac_article FOREIGN KEY (article_id) REFERENCES article (article_id) ON DELETE CASCADE,
                CONSTRAINT fk_ac_category FOREIGN KEY (category_id) REFERENCES category (category_id) ON DELETE CASCADE
            );
            CREATE TABLE tag (
                tag_id INTEGER PRIMARY KEY AUTOINCREMENT,
                name VARCHAR(50) NOT NULL CONSTRAINT uq_tag_name UNIQUE
            );
            CREATE TABLE article_tag (
                article_id INTEGER NOT NULL REFERENCES article ON DELETE CASCADE,
                tag_id INTEGER NOT NULL REFERENCES tag (tag_id) ON UPDATE CASCADE,
                PRIMARY KEY (article_id, tag_id)
            ) WITHOUT ROWID;
            CREATE TABLE comment (
                comment_id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES article (article_id) ON DELETE CASCADE,
                parent_id INTEGER REFERENCES comment (comment_id) ON DELETE CASCADE,
                body TEXT NOT NULL CHECK (length(body) > 0),
                created_at DATETIME DEFAULT (datetime('now'))
            );
            CREATE UNIQUE INDEX ux_comment_article_parent ON comment (article_id, parent_id);
            CREATE TABLE attachment (
                attachment_id BIGINT PRIMARY KEY,
                data BLOB,
                mime TEXT DEFAULT 'application/octet-stream',
                size SMALLINT
            );
            CREATE TABLE setting (
                "key" VARCHAR(64) NOT NULL PRIMARY KEY,
                value TEXT,
                amount MONEY,
                anything
            );
            CREATE TABLE audit_event (
                id INTEGER PRIMARY KEY,
                at TIME,
                payload JSON,
                uid UUID,
                enabled BOOLEAN DEFAULT FALSE,
                zoned TIMESTAMP WITH TIME ZONE
            );
            CREATE INDEX ix_audit_lower ON audit_event (lower(payload), id);
            CREATE TABLE page_view (
                article_id INTEGER NOT NULL REFERENCES article (article_id),
                day DATE NOT NULL,
                views INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (article_id, day)
            );
            CREATE VIEW published AS SELECT article_id, title FROM article WHERE status = 'p';
            CREATE VIRTUAL TABLE article_search USING fts5(
                title, content,
                content=article, content_rowid=article_id,
                tokenize="porter unicode61"
            );
            CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
              INSERT INTO article_search(rowid, title, content) VALUES (new.article_id, new.title, new.content);
            END;
            CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
              INSERT INTO article_search(article_search, rowid, title, content) VALUES ('delete', old.article_id, old.title, old.content);
            END;
            CREATE TRIGGER article_au AFTER UPDATE ON article BEGIN
              INSERT INTO article_search(article_search, rowid, title, content) VALUES ('delete', old.article_id, old.title, old.content);
              INSERT INTO article_search(rowid, title, content) VALUES (new.article_id, new.title, new.content);
            END;
            CREATE VIRTUAL TABLE place_box USING rtree(id, min_x, max_x);
            CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
            CREATE TABLE migrate_log (id INTEGER PRIMARY KEY, revision VARCHAR(32));
            """;

    @TempDir
    Path dir;

    private int databases;

    /** A new file in the test's directory, the script run in it statement by statement. */
    @Override
    Connection fresh(String script) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test" + ++databases + ".db"));
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*\\n(?=CREATE|$)")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        return connection;
    }

    @Override
    String autoincrementKey() {
        return "INTEGER PRIMARY KEY";
    }

    @Override
    int queriesPerRead() {
        return 4;
    }

    /** The table as reflected, without the CREATE statement SQLite keeps. */
    /** The table as the model would say it: without SQLite's statements and without the declared spellings. */
    static Table withoutDefinition(Table table) {
        return new Table(table.name(), table.kind(),
                table.columns().stream().map(column -> column.withType(column.type().meaning())).toList(),
                table.primaryKey(), table.foreignKeys(), table.uniqueConstraints(),
                table.indexes().stream().map(Index::withoutDefinition).toList(), table.checks(), table.managed(), null);
    }

    @Test
    void readsARealisticSchemaIntoTheModel() throws SQLException {
        Schema schema;
        try (Connection connection = fresh(BLOG)) {
            schema = SchemaReader.forConnection(connection).read(connection,
                    ReflectOptions.defaults().excluding(TableName.of("alembic_version"), TableName.of("migrate_log")));
        }

        assertThat(schema.tables()).extracting(Table::name).containsExactly(
                "article", "article_categories", "article_search", "article_tag", "attachment", "audit_event",
                "author", "category", "comment", "page_view", "place_box", "setting", "tag");

        List<Table> expected = List.of(
                Table.builder("author")
                        .column(col("author_id", t(GenericType.INTEGER)).notNull().withAutoincrement(true))
                        .column(col("email", ColumnType.varchar(255)).notNull())
                        .column(col("display_name", ColumnType.varchar(100)))
                        .column(col("bio", t(GenericType.TEXT)))
                        .column(col("active", t(GenericType.BOOLEAN)).notNull().withServerDefault("TRUE"))
                        .column(col("created_at", t(GenericType.TIMESTAMP)).notNull().withServerDefault("CURRENT_TIMESTAMP"))
                        .primaryKey(null, "author_id")
                        .unique(new UniqueConstraint("uq_author_email", List.of("email")))
                        .build(),
                Table.builder("category")
                        .column(col("category_id", t(GenericType.INTEGER)).notNull().withAutoincrement(true))
                        .column(col("parent_id", t(GenericType.INTEGER)))
                        .column(col("title", ColumnType.varchar(null)))
                        .column(col("slug", ColumnType.varchar(80)))
                        .primaryKey("pk_category", "category_id")
                        .foreignKey(new ForeignKey(null, List.of("parent_id"), "category", List.of("category_id"), SET_NULL, NO_ACTION))
                        .unique(new UniqueConstraint(null, List.of("slug")))
                        .build(),
                Table.builder("article")
                        .column(col("article_id", t(GenericType.INTEGER)).notNull().withAutoincrement(true))
                        .column(col("author_id", t(GenericType.INTEGER)).notNull())
                        .column(col("title", ColumnType.varchar(200)).notNull())
                        .column(col("content", t(GenericType.TEXT)).notNull())
                        .column(col("status", new ColumnType(GenericType.CHAR, 1, null, null, null)).notNull().withServerDefault("'d'"))
                        .column(col("price", ColumnType.decimal(10, 2)).withServerDefault("0"))
                        .column(col("rating", t(GenericType.REAL)))
                        .column(col("score", t(GenericType.DOUBLE)).withServerDefault("-1.5"))
                        .column(col("published_on", t(GenericType.DATE)))
                        .column(col("created_at", t(GenericType.TIMESTAMP)).notNull().withServerDefault("CURRENT_TIMESTAMP"))
                        .primaryKey("pk_article", "article_id")
                        .foreignKey(new ForeignKey("fk_article_author", List.of("author_id"), "author", List.of("author_id"), CASCADE, NO_ACTION))
                        .index(new Index("ix_article_author_created", List.of("author_id", "created_at"), false))
                        .check(new CheckConstraint("ck_article_status", "status IN ('d', 'p')"))
                        .check(new CheckConstraint(null, "price >= 0"))
                        .build(),
                Table.builder("article_categories")
                        .column(col("article_id", t(GenericType.INTEGER)).notNull())
                        .column(col("category_id", t(GenericType.INTEGER)).notNull())
                        .primaryKey("pk_article_categories", "article_id", "category_id")
                        .foreignKey(new ForeignKey("fk_ac_article", List.of("article_id"), "article", List.of("article_id"), CASCADE, NO_ACTION))
                        .foreignKey(new ForeignKey("fk_ac_category", List.of("category_id"), "category", List.of("category_id"), CASCADE, NO_ACTION))
                        .build(),
                Table.builder("tag")
                        .column(col("tag_id", t(GenericType.INTEGER)).notNull().withAutoincrement(true))
                        .column(col("name", ColumnType.varchar(50)).notNull())
                        .primaryKey(null, "tag_id")
                        .unique(new UniqueConstraint("uq_tag_name", List.of("name")))
                        .build(),
                Table.builder("article_tag")
                        .column(col("article_id", t(GenericType.INTEGER)).notNull())
                        .column(col("tag_id", t(GenericType.INTEGER)).notNull())
                        .primaryKey(null, "article_id", "tag_id")
                        .foreignKey(new ForeignKey(null, List.of("article_id"), "article", List.of("article_id"), CASCADE, NO_ACTION))
                        .foreignKey(new ForeignKey(null, List.of("tag_id"), "tag", List.of("tag_id"), NO_ACTION, CASCADE))
                        .build(),
                Table.builder("comment")
                        .column(col("comment_id", t(GenericType.INTEGER)).notNull().withAutoincrement(true))
                        .column(col("article_id", t(GenericType.INTEGER)).notNull())
                        .column(col("parent_id", t(GenericType.INTEGER)))
                        .column(col("body", t(GenericType.TEXT)).notNull())
                        .column(col("created_at", t(GenericType.TIMESTAMP)).withServerDefault("datetime('now')"))
                        .primaryKey(null, "comment_id")
                        .foreignKey(new ForeignKey(null, List.of("article_id"), "article", List.of("article_id"), CASCADE, NO_ACTION))
                        .foreignKey(new ForeignKey(null, List.of("parent_id"), "comment", List.of("comment_id"), CASCADE, NO_ACTION))
                        .index(new Index("ux_comment_article_parent", List.of("article_id", "parent_id"), true))
                        .check(new CheckConstraint(null, "length(body) > 0"))
                        .build(),
                Table.builder("attachment")
                        .column(col("attachment_id", t(GenericType.BIGINT)))
                        .column(col("data", t(GenericType.BINARY)))
                        .column(col("mime", t(GenericType.TEXT)).withServerDefault("'application/octet-stream'"))
                        .column(col("size", t(GenericType.SMALLINT)))
                        .primaryKey(null, "attachment_id")
                        .build(),
                Table.builder("setting")
                        .column(col("key", ColumnType.varchar(64)).notNull())
                        .column(col("value", t(GenericType.TEXT)))
                        .column(col("amount", ColumnType.other("MONEY")))
                        .column(col("anything", ColumnType.other("ANY")))
                        .primaryKey(null, "key")
                        .build(),
                Table.builder("audit_event")
                        .column(col("id", t(GenericType.INTEGER)).notNull().withAutoincrement(true))
                        .column(col("at", t(GenericType.TIME)))
                        .column(col("payload", t(GenericType.JSON)))
                        .column(col("uid", t(GenericType.UUID)))
                        .column(col("enabled", t(GenericType.BOOLEAN)).withServerDefault("FALSE"))
                        .column(col("zoned", t(GenericType.TIMESTAMP_WITH_TIME_ZONE)))
                        .primaryKey(null, "id")
                        .index(new Index("ix_audit_lower", List.of("lower(payload)", "id"), false))
                        .build(),
                Table.builder("page_view")
                        .column(col("article_id", t(GenericType.INTEGER)).notNull())
                        .column(col("day", t(GenericType.DATE)).notNull())
                        .column(col("views", t(GenericType.INTEGER)).notNull().withServerDefault("0"))
                        .primaryKey(null, "article_id", "day")
                        .foreignKey(new ForeignKey(null, List.of("article_id"), "article", List.of("article_id"), NO_ACTION, NO_ACTION))
                        .build());
        for (Table table : expected) {
            Table actual = schema.table(table.name()).orElseThrow();
            assertThat(withoutDefinition(actual)).as(table.name()).isEqualTo(table);
            assertThat(actual.definition()).as(table.name()).startsWith("CREATE TABLE");
        }
        // declared types are kept as written, to be rendered as written
        Table article = schema.table("article").orElseThrow();
        assertThat(article.column("content").orElseThrow().type().raw()).isEqualTo("CLOB");
        assertThat(article.column("score").orElseThrow().type().raw()).isEqualTo("DOUBLE PRECISION");
        assertThat(article.indexes()).singleElement().extracting(Index::definition)
                .isEqualTo("CREATE INDEX ix_article_author_created ON article (author_id, created_at DESC)");
    }

    @Test
    void virtualTablesKeepTheirDefinitionAndHideTheirShadowTables() throws SQLException {
        Schema schema;
        try (Connection connection = fresh(BLOG)) {
            schema = SchemaReader.read(connection);
        }
        Table search = schema.table("article_search").orElseThrow();
        assertThat(search.kind()).isEqualTo(TableKind.VIRTUAL);
        assertThat(search.columns()).isEmpty();
        assertThat(search.definition()).startsWith("CREATE VIRTUAL TABLE article_search USING fts5(")
                .contains("tokenize=\"porter unicode61\"");
        assertThat(schema.table("place_box").orElseThrow().kind()).isEqualTo(TableKind.VIRTUAL);
        assertThat(schema.tables()).extracting(Table::name)
                .noneMatch(name -> name.startsWith("article_search_") || name.startsWith("place_box_")
                        || name.startsWith("sqlite_"))
                .contains("alembic_version", "migrate_log");

        assertThat(schema.triggers()).extracting(Schema.Trigger::name, Schema.Trigger::table)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("article_ad", "article"),
                        org.assertj.core.groups.Tuple.tuple("article_ai", "article"),
                        org.assertj.core.groups.Tuple.tuple("article_au", "article"));
        assertThat(schema.triggers()).allSatisfy(trigger -> assertThat(trigger.definition()).startsWith("CREATE TRIGGER"));
        assertThat(schema.views()).containsExactly(new Schema.View("published",
                "CREATE VIEW published AS SELECT article_id, title FROM article WHERE status = 'p'"));
    }

    @Test
    void aTableNamedLikeAShadowTableOfNoVirtualTableIsKept() throws SQLException {
        try (Connection connection = fresh("CREATE TABLE notes_data (id INTEGER PRIMARY KEY);\nCREATE TABLE notes_config (k TEXT);\n")) {
            assertThat(SchemaReader.read(connection).tables()).extracting(Table::name)
                    .containsExactly("notes_config", "notes_data");
        }
    }

    @Test
    void theNameFilterAppliesBeforeReflection() throws SQLException {
        try (Connection connection = fresh(BLOG)) {
            CountingConnection counting = new CountingConnection(connection);
            Schema schema = SchemaReader.forConnection(connection).read(counting.connection(), ReflectOptions.defaults()
                    .filter(name -> name.startsWith("article")).excluding("article_tag"));
            assertThat(schema.tables()).extracting(Table::name)
                    .containsExactly("article", "article_categories", "article_search");
            // triggers on a table left out are left out with it
            assertThat(schema.triggers()).hasSize(3);

            Schema none = SchemaReader.forConnection(connection).read(counting.connection(),
                    ReflectOptions.defaults().filter(name -> false));
            assertThat(none.tables()).isEmpty();
            assertThat(none.triggers()).isEmpty();
        }
    }
}
