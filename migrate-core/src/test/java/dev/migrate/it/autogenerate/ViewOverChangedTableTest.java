package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.StoreModels;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static dev.migrate.it.autogenerate.StoreItems.with;
import static org.assertj.core.api.Assertions.assertThat;

/** A hand-written view over a column whose type changes (alembic#1207: SQLite rebuilds failed on views). */
class ViewOverChangedTableTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void viewSurvivesTheTypeChangeOfAColumnItReads(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate two = journey.engine(with(StoreItems.Items2.class));
        AutogenerateResult first = two.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        two.upgrade("head");
        journey.files.write("b0b0b0b0b0b0", first.script().revision(), "item names view",
                "CREATE VIEW item_names AS SELECT id, upper(name) AS loud_name FROM items;", "DROP VIEW item_names;");
        two.upgrade("head");
        db.execute("INSERT INTO stores (name) VALUES ('Main street')");
        db.execute("INSERT INTO items (name, price, store_id) VALUES ('chair', 19.5, 1)");
        assertThat(two.check().upToDate()).isTrue();

        Migrate three = journey.engine(with(StoreItems.Items3.class));
        AutogenerateResult widened = three.migrate(RevisionRequest.withMessage("longer names"), RenameDecider.NEVER);
        assertThat(widened.detected()).containsExactly("Detected type change from VARCHAR(80) to VARCHAR(120) on 'items.name'");
        journey.upgradeAndRoundTrip(three, widened);

        assertThat(db.queryStrings("SELECT loud_name FROM item_names")).containsExactly("CHAIR");
    }

    @dev.migrate.schema.annotation.Table(name = "stores")
    static class WiderStore {
        @dev.migrate.schema.annotation.Id
        Integer id;
        @dev.migrate.schema.annotation.Column(length = 120, unique = true, nullable = false)
        String name;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void viewOverTwoChangedTables(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate two = journey.engine(with(StoreItems.Items2.class));
        AutogenerateResult first = two.migrate(RevisionRequest.withMessage("initial"), RenameDecider.NEVER);
        two.upgrade("head");
        journey.files.write("b1b1b1b1b1b1", first.script().revision(), "catalogue view",
                "CREATE VIEW catalogue AS SELECT s.name AS store, i.name AS item FROM stores s JOIN items i ON i.store_id = s.id;",
                "DROP VIEW catalogue;");
        two.upgrade("head");
        db.execute("INSERT INTO stores (name) VALUES ('Main street')");
        db.execute("INSERT INTO items (name, price, store_id, description) VALUES ('chair', 19.5, 1, 'sturdy')");

        // stores widened (SQLite: rebuilt) and items.description dropped (SQLite: ALTER TABLE DROP COLUMN)
        Migrate changed = journey.engine(WiderStore.class, StoreItems.Items1.class, StoreModels.TagModel.class,
                StoreModels.ItemsTags.class, StoreModels.UserModel.class);
        AutogenerateResult result = changed.migrate(RevisionRequest.withMessage("two tables"), RenameDecider.NEVER);
        assertThat(result.detected()).containsExactlyInAnyOrder(
                "Detected type change from VARCHAR(80) to VARCHAR(120) on 'stores.name'",
                "Detected removed column 'items.description'");
        journey.upgradeAndRoundTrip(changed, result);
        assertThat(db.queryStrings("SELECT store || '/' || item FROM catalogue")).containsExactly("Main street/chair");
    }
}
