package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.GenericType;
import dev.migrate.schema.ReferentialAction;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Index;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autogenerate journeys on the suite's MariaDB server: tables created from models (AUTO_INCREMENT keys, ENUM,
 * UNSIGNED, ON UPDATE CURRENT_TIMESTAMP, JSON), then columns added, widened, made NOT NULL and renamed, indexes and
 * foreign keys added and dropped, a table dropped; each revision upgraded, checked, downgraded and upgraded again.
 */
class MariaDbAutogenerateTest {

    @TempDir
    Path tmp;

    @Table(name = "author")
    record Author(@Id Integer id,
                  @Column(length = 120, nullable = false, unique = true) String email,
                  @Column(length = 80) String name,
                  @Column(nullable = false, serverDefault = "1") Boolean active,
                  @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt) {
    }

    @Table(name = "post")
    record Post(@Id Long id,
                @Column(nullable = false) @ForeignKey(table = "author", column = "id") Integer authorId,
                @Column(length = 200, nullable = false, index = true) String title,
                @Column(type = GenericType.TEXT) String body,
                @Column(rawType = "ENUM('draft', 'published')", nullable = false, serverDefault = "'draft'") String status,
                @Column(rawType = "INT UNSIGNED", nullable = false, serverDefault = "0") Long views,
                @Column(precision = 10, scale = 2) BigDecimal price,
                @Column(type = GenericType.JSON) String meta,
                @Column(type = GenericType.TIMESTAMP_WITH_TIME_ZONE,
                        serverDefault = "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP") LocalDateTime updatedAt) {
    }

    @Table(name = "draft_note")
    record DraftNote(@Id Integer id, @Column(length = 40) String text) {
    }

    /** name widened and required, bio added. */
    @Table(name = "author")
    record Author2(@Id Integer id,
                   @Column(length = 120, nullable = false, unique = true) String email,
                   @Column(length = 160, nullable = false, serverDefault = "''") String name,
                   @Column(nullable = false, serverDefault = "1") Boolean active,
                   @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt,
                   @Column(type = GenericType.TEXT) String bio) {
    }

    @Table(name = "tag")
    record Tag(@Id Integer id, @Column(length = 40, nullable = false) String label) {
    }

    /** title renamed to headline (asked as a rename), its index gone, one on (author_id, status) added, a tag key. */
    @Table(name = "post")
    @Index(name = "ix_post_author_status", columns = {"author_id", "status"})
    record Post2(@Id Long id,
                 @Column(nullable = false) @ForeignKey(table = "author", column = "id", onDelete = ReferentialAction.CASCADE)
                 Integer authorId,
                 @Column(length = 200, nullable = false) String headline,
                 @Column(type = GenericType.TEXT) String body,
                 @Column(rawType = "ENUM('draft', 'published', 'archived')", nullable = false, serverDefault = "'draft'")
                 String status,
                 @Column(rawType = "INT UNSIGNED", nullable = false, serverDefault = "0") Long views,
                 @Column(precision = 12, scale = 2) BigDecimal price,
                 @Column(type = GenericType.JSON) String meta,
                 @Column(type = GenericType.TIMESTAMP_WITH_TIME_ZONE,
                         serverDefault = "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP") LocalDateTime updatedAt,
                 @ForeignKey(table = "tag", column = "id", name = "fk_post_tag") Integer tagId) {
    }

    /** the tag key dropped again. */
    @Table(name = "post")
    @Index(name = "ix_post_author_status", columns = {"author_id", "status"})
    record Post3(@Id Long id,
                 @Column(nullable = false) @ForeignKey(table = "author", column = "id", onDelete = ReferentialAction.CASCADE)
                 Integer authorId,
                 @Column(length = 200, nullable = false) String headline,
                 @Column(type = GenericType.TEXT) String body,
                 @Column(rawType = "ENUM('draft', 'published', 'archived')", nullable = false, serverDefault = "'draft'")
                 String status,
                 @Column(rawType = "INT UNSIGNED", nullable = false, serverDefault = "0") Long views,
                 @Column(precision = 12, scale = 2) BigDecimal price,
                 @Column(type = GenericType.JSON) String meta,
                 @Column(type = GenericType.TIMESTAMP_WITH_TIME_ZONE,
                         serverDefault = "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP") LocalDateTime updatedAt,
                 Integer tagId) {
    }

    @Test
    void tablesCreatedChangedAndDroppedRoundTrip() throws Exception {
        journey(TestDatabase.mariadb());
    }

    @Test
    void theSameJourneyThroughMysqlConnectorJ() throws Exception {
        journey(TestDatabase.mariadbThroughMysqlDriver());
    }

    private void journey(TestDatabase db) throws Exception {
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(Author.class, Post.class, DraftNote.class);
        AutogenerateResult initial = one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        assertThat(initial.detected()).containsExactly("Detected added table 'author'", "Detected added table 'draft_note'",
                "Detected added table 'post'");
        assertThat(Journey.read(initial.script().path())).contains("id bigint NOT NULL AUTO_INCREMENT",
                "`status` enum('draft','published') NOT NULL DEFAULT 'draft'", "views int unsigned NOT NULL DEFAULT 0",
                "updated_at timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
                "-- MariaDB/MySQL commits each DDL statement: if one fails, the statements above it stay applied",
                // the foreign key's index, named as the server would name it, before the key that needs it
                "KEY fk_post_author_id_author (author_id),\n    CONSTRAINT fk_post_author_id_author FOREIGN KEY");
        journey.upgradeAndRoundTrip(one, initial);
        db.execute("INSERT INTO author (email, name) VALUES ('ada@example.org', 'Ada')");
        db.execute("INSERT INTO post (author_id, title, meta) VALUES (1, 'Engines', '{\"a\": 1}')");
        assertThat(db.queryStrings("SELECT CONCAT(status, ' ', views, ' ', active) FROM post JOIN author"))
                .containsExactly("draft 0 1");

        Migrate two = journey.engine(Author2.class, Tag.class, Post2.class);
        AutogenerateResult changes = two.migrate(RevisionRequest.withMessage("changes"), RenameDecider.ALWAYS);
        assertThat(changes.detected()).containsExactlyInAnyOrder(
                "Detected added table 'tag'",
                "Detected removed table 'draft_note'",
                "Detected added column 'author.bio'",
                "Detected type change from VARCHAR(80) to VARCHAR(160) on 'author.name'",
                "Detected NOT NULL on column 'author.name'",
                "Detected server default '' on column 'author.name'",
                "Detected renamed column 'post.title' to 'post.headline'",
                "Detected removed index 'ix_post_title' on 'post'",
                "Detected added index 'ix_post_author_status' on 'post' (author_id, status)",
                "Detected type change from enum('draft','published') to enum('draft','published','archived') on 'post.status'",
                "Detected type change from DECIMAL(10, 2) to DECIMAL(12, 2) on 'post.price'",
                "Detected added column 'post.tag_id'",
                // the server would create it with the key; created first, it is the key's index
                "Detected added index 'fk_post_tag' on 'post' (tag_id)",
                "Detected added foreign key 'fk_post_tag' 'post' (tag_id) -> 'tag' (id)",
                "Detected foreign key action change on 'fk_post_author_id_author' 'post' (author_id) -> 'author' (id): "
                        + "ON DELETE NO ACTION ON UPDATE NO ACTION to ON DELETE CASCADE ON UPDATE NO ACTION");
        String script = Journey.read(changes.script().path());
        assertThat(script).contains("ALTER TABLE author MODIFY COLUMN name varchar(160) NOT NULL DEFAULT ''",
                "ALTER TABLE post RENAME COLUMN title TO headline", "DROP FOREIGN KEY fk_post_author_id_author",
                "DROP INDEX ix_post_title ON post");
        journey.upgradeAndRoundTrip(two, changes);
        assertThat(db.queryStrings("SELECT CONCAT(headline, ' ', name) FROM post JOIN author ON author.id = post.author_id"))
                .containsExactly("Engines Ada");

        Migrate three = journey.engine(Author2.class, Tag.class, Post3.class);
        AutogenerateResult dropKey = three.migrate(RevisionRequest.withMessage("no tag key"), RenameDecider.NEVER);
        assertThat(dropKey.detected()).containsExactlyInAnyOrder(
                "Detected removed foreign key 'fk_post_tag' 'post' (tag_id) -> 'tag' (id)",
                "Detected removed index 'fk_post_tag' on 'post'");
        journey.upgradeAndRoundTrip(three, dropKey);

        three.downgrade("base");
        assertThat(journey.reflect().tables()).isEmpty();
        three.upgrade("head");
        assertThat(three.check().upToDate()).isTrue();
    }

    /** Written by hand the way MariaDB users write it: reported as {@code int(11)}, {@code tinyint(1)}, {@code current_timestamp()}. */
    @Table(name = "account")
    @Index(name = "ix_account_owner", columns = {"owner", "plan"})
    record Account(@Id Long id,
                   @Column(length = 64, nullable = false) String owner,
                   @Column(rawType = "enum('free', 'pro')", nullable = false, serverDefault = "'free'") String plan,
                   @Column(nullable = false, serverDefault = "0") Integer seats,
                   @Column(nullable = false, serverDefault = "TRUE") Boolean active,
                   @Column(rawType = "int unsigned") Long quota,
                   @Column(precision = 8, scale = 2, serverDefault = "'0.50'") BigDecimal rate,
                   @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP") LocalDateTime createdAt,
                   @Column(type = GenericType.TIMESTAMP_WITH_TIME_ZONE, nullable = false,
                           serverDefault = "current_timestamp() on update current_timestamp()") LocalDateTime touchedAt) {
    }

    @Test
    void aHandWrittenTableMatchesItsModelWithoutFalseDifferences() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        db.execute("""
                CREATE TABLE `account` (
                  `id` bigint(20) NOT NULL AUTO_INCREMENT,
                  `owner` varchar(64) NOT NULL,
                  `plan` enum('free','pro') NOT NULL DEFAULT 'free',
                  `seats` int(11) NOT NULL DEFAULT 0,
                  `active` tinyint(1) NOT NULL DEFAULT 1,
                  `quota` int(10) unsigned DEFAULT NULL,
                  `rate` decimal(8,2) DEFAULT 0.50,
                  `created_at` datetime NOT NULL DEFAULT current_timestamp(),
                  `touched_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
                  PRIMARY KEY (`id`),
                  KEY `ix_account_owner` (`owner`,`plan`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci""");
        Journey journey = new Journey(db, tmp);
        Migrate engine = journey.engine(Account.class);
        engine.upgrade("heads");
        assertThat(engine.check().lines()).containsExactly("No new upgrade operations detected.");
    }

    @Test
    void tableOptionsAreComparedOnlyWhenAsked() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        db.execute("CREATE TABLE log_entry (id INT NOT NULL PRIMARY KEY, line VARCHAR(100)) ENGINE=MyISAM DEFAULT CHARSET=latin1");
        dev.migrate.schema.Schema models = dev.migrate.schema.Schema.of(java.util.List.of(
                dev.migrate.schema.Table.builder("log_entry")
                        .column(dev.migrate.schema.Column.of("id", dev.migrate.schema.ColumnType.of(GenericType.INTEGER)).notNull())
                        .column(dev.migrate.schema.Column.of("line", dev.migrate.schema.ColumnType.varchar(100)))
                        .primaryKey(null, "id").options("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4").build()));
        Journey journey = new Journey(db, tmp);
        dev.migrate.schema.Schema reflected = journey.reflect();
        dev.migrate.dialect.Dialect dialect = dev.migrate.dialect.Dialect.named("mariadb");
        assertThat(reflected.table("log_entry").orElseThrow().options())
                .isEqualTo("ENGINE=MyISAM DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci");
        assertThat(dev.migrate.autogenerate.Autogenerate.compare(models, reflected, dialect,
                dev.migrate.autogenerate.CompareOptions.defaults()).descriptions()).isEmpty();

        dev.migrate.autogenerate.Changes changes = dev.migrate.autogenerate.Autogenerate.compare(models, reflected, dialect,
                dev.migrate.autogenerate.CompareOptions.builder().compareTableOptions(true).build());
        assertThat(changes.descriptions()).containsExactly("Detected table options change on 'log_entry' from "
                + "ENGINE=MyISAM DEFAULT CHARSET=latin1 to ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        assertThat(changes.upgradeSql()).isEqualTo("ALTER TABLE log_entry ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
        assertThat(changes.downgradeSql()).isEqualTo("ALTER TABLE log_entry ENGINE=MyISAM DEFAULT CHARSET=latin1;\n");
        db.execute(changes.upgradeSql().strip().replace(";", ""));
        assertThat(db.queryStrings("SELECT CONCAT(engine, ' ', table_collation) FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_name = 'log_entry'")).containsExactly("InnoDB utf8mb4_general_ci");
    }

    @Test
    void aPrimaryKeyChangeAndATableRenameOnTablesWithRows() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(KeysAndRenamesTest.Items.class, KeysAndRenamesTest.Tags.class,
                KeysAndRenamesTest.ItemsTagsById.class);
        journey.upgradeAndRoundTrip(one, one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER));
        db.execute("INSERT INTO items (id, name) VALUES (1, 'chair'), (2, 'table')");
        db.execute("INSERT INTO tags (id, label) VALUES (1, 'wood'), (2, 'metal')");
        db.execute("INSERT INTO items_tags (item_id, tag_id) VALUES (1, 1), (2, 1), (2, 2)");

        Migrate two = journey.engine(KeysAndRenamesTest.Items.class, KeysAndRenamesTest.Tags.class,
                KeysAndRenamesTest.ItemsTagsComposite.class);
        AutogenerateResult key = two.migrate(RevisionRequest.withMessage("composite key"), RenameDecider.NEVER);
        assertThat(key.detected()).contains("Detected primary key change on 'items_tags' from (id) to (item_id, tag_id)",
                "Detected removed column 'items_tags.id'");
        journey.upgradeAndRoundTrip(two, key);
        assertThat(db.queryStrings("SELECT CONCAT(item_id, '-', tag_id) FROM items_tags ORDER BY item_id, tag_id"))
                .containsExactly("1-1", "2-1", "2-2");

        Migrate three = journey.engine(KeysAndRenamesTest.Items.class, KeysAndRenamesTest.Labels.class,
                KeysAndRenamesTest.ItemsLabels.class);
        AutogenerateResult renamed = three.migrate(RevisionRequest.withMessage("tags are labels"), RenameDecider.ALWAYS);
        assertThat(renamed.detected()).contains("Detected renamed table 'tags' to 'labels'");
        journey.upgradeAndRoundTrip(three, renamed);
        assertThat(db.queryStrings("SELECT l.label FROM items_tags it JOIN labels l ON l.id = it.tag_id "
                + "WHERE it.item_id = 2 ORDER BY l.label")).containsExactly("metal", "wood");
    }
}
