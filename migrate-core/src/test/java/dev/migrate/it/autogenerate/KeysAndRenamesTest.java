package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.ForeignKey;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A primary key that changes (surrogate id to a composite key) and a table renamed, on tables with rows. */
class KeysAndRenamesTest {

    @TempDir
    Path tmp;

    @Table(name = "items")
    record Items(@Id Integer id, @Column(length = 80, nullable = false) String name) {
    }

    @Table(name = "tags")
    record Tags(@Id Integer id, @Column(length = 40, nullable = false) String label) {
    }

    @Table(name = "labels")
    record Labels(@Id Integer id, @Column(length = 40, nullable = false) String label) {
    }

    @Table(name = "items_tags")
    record ItemsTagsById(@Id Integer id,
                         @Column(nullable = false) @ForeignKey(table = "items", column = "id") Integer itemId,
                         @Column(nullable = false) @ForeignKey(table = "tags", column = "id") Integer tagId) {
    }

    @Table(name = "items_tags")
    record ItemsTagsComposite(@Id @ForeignKey(table = "items", column = "id") Integer itemId,
                              @Id @ForeignKey(table = "tags", column = "id") Integer tagId) {
    }

    @Table(name = "items_tags")
    record ItemsLabels(@Id @ForeignKey(table = "items", column = "id") Integer itemId,
                       @Id @ForeignKey(table = "labels", column = "id") Integer tagId) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void primaryKeyChangeAndTableRename(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(Items.class, Tags.class, ItemsTagsById.class);
        journey.upgradeAndRoundTrip(one, one.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER));
        db.execute("INSERT INTO items (id, name) VALUES (1, 'chair'), (2, 'table')");
        db.execute("INSERT INTO tags (id, label) VALUES (1, 'wood'), (2, 'metal')");
        db.execute("INSERT INTO items_tags (item_id, tag_id) VALUES (1, 1), (2, 1), (2, 2)");

        Migrate two = journey.engine(Items.class, Tags.class, ItemsTagsComposite.class);
        AutogenerateResult key = two.migrate(RevisionRequest.withMessage("composite key"), RenameDecider.NEVER);
        assertThat(key.detected()).contains("Detected primary key change on 'items_tags' from (id) to (item_id, tag_id)",
                "Detected removed column 'items_tags.id'");
        journey.upgradeAndRoundTrip(two, key);
        assertThat(db.queryStrings("SELECT item_id || '-' || tag_id FROM items_tags ORDER BY item_id, tag_id"))
                .containsExactly("1-1", "2-1", "2-2");

        Migrate three = journey.engine(Items.class, Labels.class, ItemsLabels.class);
        AutogenerateResult renamed = three.migrate(RevisionRequest.withMessage("tags are labels"), RenameDecider.ALWAYS);
        assertThat(renamed.detected()).contains("Detected renamed table 'tags' to 'labels'");
        assertThat(renamed.warnings()).isEmpty();
        journey.upgradeAndRoundTrip(three, renamed);
        assertThat(db.queryStrings("SELECT l.label FROM items_tags it JOIN labels l ON l.id = it.tag_id WHERE it.item_id = 2 ORDER BY l.label"))
                .containsExactly("metal", "wood");
    }
}
