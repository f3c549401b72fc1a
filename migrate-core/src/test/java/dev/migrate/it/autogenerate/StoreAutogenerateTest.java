package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.it.Kind;
import dev.migrate.it.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.migrate.it.autogenerate.StoreItems.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002: the store API's models from nothing, then one change at a time, each script round-tripped. */
class StoreAutogenerateTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storeModelsStepByStep(Kind kind) throws Exception {
        TestDatabase db = kind.create(tmp);
        Journey journey = new Journey(db, tmp);
        boolean sqlite = journey.sqlite();

        // 1. first migrate: five tables in dependency order
        AutogenerateResult first = journey.migrate("initial", RenameDecider.NEVER, with(StoreItems.Items1.class));
        List<String> detected = first.detected();
        assertThat(detected).containsExactlyInAnyOrder("Detected added table 'stores'", "Detected added table 'items'",
                "Detected added table 'tags'", "Detected added table 'items_tags'", "Detected added table 'users'");
        assertThat(detected.indexOf("Detected added table 'stores'"))
                .isLessThan(detected.indexOf("Detected added table 'items'"))
                .isLessThan(detected.indexOf("Detected added table 'items_tags'"));
        assertThat(detected.indexOf("Detected added table 'tags'"))
                .isLessThan(detected.indexOf("Detected added table 'items_tags'"));
        assertThat(first.script().revises()).isEmpty();
        journey.upgradeAndRoundTrip(journey.engine(with(StoreItems.Items1.class)), first);

        db.execute("INSERT INTO stores (name) VALUES ('Main street')");
        db.execute("INSERT INTO items (name, price, store_id) VALUES ('chair', 19.5, 1)");
        db.execute("INSERT INTO items (name, price, store_id) VALUES ('table', 99, 1)");
        db.execute("INSERT INTO tags (name, store_id) VALUES ('furniture', 1)");
        db.execute("INSERT INTO items_tags (item_id, tag_id) VALUES (1, 1)");

        // 2. description added
        Migrate two = journey.engine(with(StoreItems.Items2.class));
        AutogenerateResult added = two.migrate(dev.migrate.command.RevisionRequest.withMessage("description"),
                RenameDecider.NEVER);
        assertThat(added.detected()).containsExactly("Detected added column 'items.description'");
        assertThat(added.warnings()).isEmpty();
        journey.upgradeAndRoundTrip(two, added);
        db.execute("UPDATE items SET description = 'sturdy' WHERE id = 1");

        // a trigger written by hand on items
        String head = journey.head(two);
        if (sqlite) {
            journey.files.write("a1b2c3d4e5f6", head, "trim names", """
                    CREATE TRIGGER items_trim_name AFTER INSERT ON items BEGIN
                      UPDATE items SET name = trim(new.name) WHERE id = new.id;
                    END;""", "DROP TRIGGER items_trim_name;");
        } else {
            journey.files.write("a1b2c3d4e5f6", head, "trim names", """
                    CREATE FUNCTION items_trim_name() RETURNS trigger AS $$
                    BEGIN
                      NEW.name := trim(NEW.name);
                      RETURN NEW;
                    END;
                    $$ LANGUAGE plpgsql;
                    CREATE TRIGGER items_trim_name BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION items_trim_name();""",
                    """
                    DROP TRIGGER items_trim_name ON items;
                    DROP FUNCTION items_trim_name();""");
        }
        two.upgrade("head");
        assertThat(two.check().upToDate()).isTrue();

        // 3. name widened from 80 to 120: SQLite rebuilds the table, keeping rows and the trigger
        Migrate three = journey.engine(with(StoreItems.Items3.class));
        AutogenerateResult widened = three.migrate(dev.migrate.command.RevisionRequest.withMessage("longer names"),
                RenameDecider.NEVER);
        assertThat(widened.detected()).contains("Detected type change from VARCHAR(80) to VARCHAR(120) on 'items.name'");
        assertThat(widened.warnings()).isEmpty();
        String widenScript = Journey.read(widened.script().path());
        if (sqlite) {
            assertThat(widenScript).contains("-- migrate:foreign-keys-off").contains("_migrate_new_items");
        }
        journey.upgradeAndRoundTrip(three, widened);
        assertThat(db.queryStrings("SELECT name || ':' || COALESCE(description, '-') FROM items ORDER BY id"))
                .containsExactly("chair:sturdy", "table:-");
        assertThat(db.queryStrings("SELECT item_id || '-' || tag_id FROM items_tags")).containsExactly("1-1");
        String longName = "  a chair with a name of more than eighty characters, which the old column refused to hold  ";
        db.execute("INSERT INTO items (name, price, store_id) VALUES ('" + longName + "', 5, 1)");
        assertThat(db.queryStrings("SELECT name FROM items WHERE id = 3")).containsExactly(longName.strip());

        // 4. NOT NULL with a server default on a table with rows
        Migrate four = journey.engine(with(StoreItems.Items4.class));
        AutogenerateResult status = four.migrate(dev.migrate.command.RevisionRequest.withMessage("status"),
                RenameDecider.NEVER);
        assertThat(status.detected()).containsExactly("Detected added column 'items.status'");
        assertThat(status.warnings()).isEmpty();
        journey.upgradeAndRoundTrip(four, status);
        assertThat(db.queryStrings("SELECT status FROM items ORDER BY id")).containsExactly("active", "active", "active");

        // 5a. a rename refused: drop + add, with the data-loss warning in the output and in the script
        Migrate five = journey.engine(with(StoreItems.Items5.class));
        AutogenerateResult dropAdd = five.migrate(dev.migrate.command.RevisionRequest.withMessage("summary"),
                RenameDecider.NEVER);
        assertThat(dropAdd.detected()).containsExactlyInAnyOrder("Detected added column 'items.summary'",
                "Detected removed column 'items.description'");
        assertThat(dropAdd.warnings()).singleElement().asString().contains("items").contains("description");
        assertThat(dropAdd.lines()).anyMatch(line -> line.startsWith("WARNING: ") && line.contains("description"));
        assertThat(Journey.read(dropAdd.script().path())).containsPattern("-- WARNING: .*loses");
        Journey.delete(dropAdd.script().path());

        // 5b. the same rename accepted: data kept
        AutogenerateResult renamed = five.migrate(dev.migrate.command.RevisionRequest.withMessage("summary"),
                RenameDecider.ALWAYS);
        assertThat(renamed.detected()).containsExactly("Detected renamed column 'items.description' to 'items.summary'");
        assertThat(renamed.warnings()).isEmpty();
        assertThat(Journey.read(renamed.script().path())).doesNotContain("WARNING");
        journey.upgradeAndRoundTrip(five, renamed);
        assertThat(db.queryStrings("SELECT COALESCE(summary, '-') FROM items ORDER BY id")).containsExactly("sturdy", "-", "-");
        assertThat(five.migrate(dev.migrate.command.RevisionRequest.withMessage("nothing"), RenameDecider.NEVER).lines())
                .containsExactly("No changes in schema detected.");
    }
}
