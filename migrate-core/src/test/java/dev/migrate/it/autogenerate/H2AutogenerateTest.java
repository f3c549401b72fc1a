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
 * Autogenerate journeys on H2 2.x, a file database and an in-memory one: tables created from models (identity keys,
 * reserved names, comments), then columns added, widened, made NOT NULL with a default and renamed, indexes and
 * foreign keys added and dropped, a table dropped; each revision upgraded, checked, downgraded and upgraded again.
 */
class H2AutogenerateTest {

    @TempDir
    Path tmp;

    @Table(name = "author", comment = "who writes")
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
                @Column(length = 20, nullable = false, serverDefault = "'draft'") String status,
                @Column(nullable = false, serverDefault = "0") Long views,
                @Column(precision = 10, scale = 2) BigDecimal price,
                @Column(length = 30, comment = "a reserved word") String value) {
    }

    @Table(name = "draft_note")
    record DraftNote(@Id Integer id, @Column(length = 40) String text) {
    }

    /** name widened and required, bio added. */
    @Table(name = "author", comment = "who writes")
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
                 @Column(length = 20, nullable = false, serverDefault = "'draft'") String status,
                 @Column(nullable = false, serverDefault = "0") Long views,
                 @Column(precision = 12, scale = 2) BigDecimal price,
                 @Column(length = 30, comment = "a reserved word") String value,
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
                 @Column(length = 20, nullable = false, serverDefault = "'draft'") String status,
                 @Column(nullable = false, serverDefault = "0") Long views,
                 @Column(precision = 12, scale = 2) BigDecimal price,
                 @Column(length = 30, comment = "a reserved word") String value,
                 Integer tagId) {
    }

    @Test
    void onAFileDatabase() throws Exception {
        journey(TestDatabase.h2(tmp));
    }

    @Test
    void inMemory() throws Exception {
        journey(new TestDatabase.H2("jdbc:h2:mem:journey_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
    }

    private void journey(TestDatabase db) throws Exception {
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(Author.class, Post.class, DraftNote.class);
        AutogenerateResult initial = one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        assertThat(initial.detected()).containsExactly("Detected added table 'author'", "Detected added table 'draft_note'",
                "Detected added table 'post'");
        assertThat(Journey.read(initial.script().path())).contains("id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL",
                "\"value\" varchar(30)", "COMMENT ON TABLE author IS 'who writes'", "body clob");
        journey.upgradeAndRoundTrip(one, initial);
        db.execute("INSERT INTO author (email, name) VALUES ('ada@example.org', 'Ada')");
        db.execute("INSERT INTO post (author_id, title, \"value\") VALUES (1, 'Engines', 'v')");
        assertThat(db.queryStrings("SELECT status || ' ' || views || ' ' || active FROM post JOIN author ON TRUE"))
                .containsExactly("draft 0 TRUE");

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
                "Detected type change from DECIMAL(10, 2) to DECIMAL(12, 2) on 'post.price'",
                "Detected added column 'post.tag_id'",
                "Detected added foreign key 'fk_post_tag' 'post' (tag_id) -> 'tag' (id)",
                "Detected foreign key action change on 'fk_post_author_id_author' 'post' (author_id) -> 'author' (id): "
                        + "ON DELETE NO ACTION ON UPDATE NO ACTION to ON DELETE CASCADE ON UPDATE NO ACTION");
        String script = Journey.read(changes.script().path());
        assertThat(script).contains("ALTER TABLE author ALTER COLUMN name SET DATA TYPE varchar(160)",
                "ALTER TABLE author ALTER COLUMN name SET NOT NULL", "ALTER TABLE author ALTER COLUMN name SET DEFAULT ''",
                "ALTER TABLE post RENAME COLUMN title TO headline", "DROP CONSTRAINT fk_post_author_id_author",
                "DROP INDEX ix_post_title");
        journey.upgradeAndRoundTrip(two, changes);
        assertThat(db.queryStrings("SELECT headline || ' ' || name FROM post JOIN author ON author.id = post.author_id"))
                .containsExactly("Engines Ada");

        Migrate three = journey.engine(Author2.class, Tag.class, Post3.class);
        AutogenerateResult dropKey = three.migrate(RevisionRequest.withMessage("no tag key"), RenameDecider.NEVER);
        assertThat(dropKey.detected()).containsExactly(
                "Detected removed foreign key 'fk_post_tag' 'post' (tag_id) -> 'tag' (id)");
        journey.upgradeAndRoundTrip(three, dropKey);

        three.downgrade("base");
        assertThat(journey.reflect().tables()).isEmpty();
        three.upgrade("head");
        assertThat(three.check().upToDate()).isTrue();
    }
}
