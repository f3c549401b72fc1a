package dev.migrate.autogenerate;

import dev.migrate.dialect.sqlite.SqliteDialect;
import dev.migrate.op.RebuildTable;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static dev.migrate.autogenerate.RoundTripTest.execute;
import static dev.migrate.autogenerate.RoundTripTest.query;
import static dev.migrate.autogenerate.RoundTripTest.run;
import static dev.migrate.autogenerate.RoundTripTest.sqliteCatalog;
import static dev.migrate.autogenerate.Schemas.INT;
import static dev.migrate.autogenerate.Schemas.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A SQLite table rebuild on a table with rows, a child table whose foreign key cascades deletes, an index,
 * a trigger and a view: every row, the index, the trigger (and its effect) and the view survive.
 */
class SqliteRebuildTest {

    private static final String TRIGGER = "CREATE TRIGGER article_touch AFTER UPDATE ON article BEGIN\n"
            + "  UPDATE article SET edits = edits + 1 WHERE id = new.id AND new.edits = old.edits;\nEND";
    private static final String VIEW = "CREATE VIEW article_titles AS SELECT id, title FROM article";
    private static final String VIEW_ON_VIEW = "CREATE VIEW short_titles AS SELECT title FROM article_titles WHERE length(title) < 10";

    @TempDir
    Path tmp;

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("rebuild.db"));
    }

    private static Table article(int titleLength) {
        return Table.builder("article").column(Schemas.id()).column(col("title", ColumnType.varchar(titleLength)).notNull())
                .column(Column.of("edits", INT).notNull().withServerDefault("0"))
                .primaryKey(null, "id").index(new Index("ix_article_title", List.of("title"), false)).build();
    }

    private static Table comment() {
        return Table.builder("comment").column(Schemas.id()).column(col("article_id", INT).notNull())
                .primaryKey(null, "id").foreignKey(new ForeignKey("fk_comment_article", List.of("article_id"),
                        "article", List.of("id"), ReferentialAction.CASCADE, null)).build();
    }

    /** Creates the tables through the dialect, then rows, the trigger and two views. */
    private Schema createDatabase() throws SQLException {
        SqliteDialect dialect = new SqliteDialect();
        Changes create = Autogenerate.compare(Schema.of(List.of(article(80), comment())), Schema.of(List.of()), dialect,
                CompareOptions.defaults());
        run(connection, create.upgradeSql());
        execute(connection, TRIGGER);
        execute(connection, VIEW);
        execute(connection, VIEW_ON_VIEW);
        execute(connection, "INSERT INTO article (title) VALUES ('first'), ('second'), ('a longer third title')");
        execute(connection, "INSERT INTO comment (article_id) VALUES (1), (1), (2), (3)");
        Schema models = Schema.of(List.of(article(80), comment()));
        return new Schema(models.tables().stream().map(dialect::canonical).toList(),
                List.of(new Schema.Trigger("article_touch", "article", TRIGGER)),
                List.of(new Schema.View("article_titles", VIEW), new Schema.View("short_titles", VIEW_ON_VIEW)));
    }

    private Changes widen(Schema reflected) {
        return Autogenerate.compare(Schema.of(List.of(article(120), comment())), reflected, new SqliteDialect(),
                CompareOptions.defaults());
    }

    @Test
    void wideningAColumnRebuildsTheTableKeepingRowsChildrenIndexTriggerAndViews() throws Exception {
        Changes changes = widen(createDatabase());
        assertThat(changes.operations()).singleElement().isInstanceOfSatisfying(RebuildTable.class, rebuild -> {
            assertThat(rebuild.triggers()).extracting(Schema.Trigger::name).containsExactly("article_touch");
            assertThat(rebuild.views()).extracting(Schema.View::name).containsExactly("article_titles", "short_titles");
        });
        assertThat(changes.descriptions()).containsExactly(
                "Detected type change from VARCHAR(80) to VARCHAR(120) on 'article.title'");
        assertThat(changes.warnings()).isEmpty();

        run(connection, changes.upgradeSql());

        assertThat(query(connection, "SELECT sql FROM sqlite_master WHERE name = 'article'").get(0))
                .contains("title VARCHAR(120) NOT NULL");
        assertThat(query(connection, "SELECT title FROM article ORDER BY id"))
                .containsExactly("first", "second", "a longer third title");
        assertThat(query(connection, "SELECT count(*) FROM comment")).containsExactly("4");
        assertThat(query(connection, "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger', 'view') ORDER BY name"))
                .containsExactly("article_titles", "article_touch", "ix_article_title", "short_titles");
        assertThat(query(connection, "SELECT title FROM short_titles ORDER BY title")).containsExactly("first", "second");
        execute(connection, "UPDATE article SET title = 'premier' WHERE id = 1");
        assertThat(query(connection, "SELECT edits FROM article WHERE id = 1")).containsExactly("1");
        // The rowid alias still hands out ids.
        execute(connection, "INSERT INTO article (title) VALUES ('fourth')");
        assertThat(query(connection, "SELECT max(id) FROM article")).containsExactly("4");

        List<String> widened = sqliteCatalog(connection);
        run(connection, changes.downgradeSql());
        assertThat(query(connection, "SELECT sql FROM sqlite_master WHERE name = 'article'").get(0))
                .contains("title VARCHAR(80) NOT NULL");
        assertThat(query(connection, "SELECT count(*) FROM comment")).containsExactly("4");
        run(connection, changes.upgradeSql());
        assertThat(sqliteCatalog(connection)).isEqualTo(widened);
    }

    @Test
    void withForeignKeysOnTheRebuildOfAReferencedTableFailsBeforeChangingAnything() throws Exception {
        Changes changes = widen(createDatabase());
        List<String> before = sqliteCatalog(connection);
        execute(connection, "PRAGMA foreign_keys = ON");

        assertThatThrownBy(() -> run(connection, changes.upgradeSql())).isInstanceOf(SQLException.class)
                .hasMessageContaining("article is referenced by foreign keys: rebuild it with PRAGMA foreign_keys = OFF");

        assertThat(sqliteCatalog(connection)).isEqualTo(before);
        assertThat(query(connection, "SELECT count(*) FROM comment")).containsExactly("4");
    }

    @Test
    void aForeignKeyViolationAfterTheRebuildFailsTheMigration() throws Exception {
        Schema reflected = createDatabase();
        execute(connection, "INSERT INTO comment (article_id) VALUES (99)");
        List<String> before = sqliteCatalog(connection);

        assertThatThrownBy(() -> run(connection, widen(reflected).upgradeSql())).isInstanceOf(SQLException.class)
                .hasMessageContaining("foreign key violations after rebuilding article, see PRAGMA foreign_key_check");
        assertThat(sqliteCatalog(connection)).isEqualTo(before);
    }
}
