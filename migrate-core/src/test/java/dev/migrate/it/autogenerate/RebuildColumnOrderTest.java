package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.annotation.Column;
import dev.migrate.schema.annotation.Id;
import dev.migrate.schema.annotation.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SQLite table rebuild keeps the table's column order, whatever the model's field order, and puts new
 * columns at the end, so that {@code SELECT *} and positional inserts keep working; its downgrade gives
 * back the order the table had.
 */
class RebuildColumnOrderTest {

    @TempDir
    Path tmp;

    @Table(name = "items")
    record Items1(@Id Integer id, @Column(length = 80, nullable = false) String name, Double price,
                  String description) {
    }

    /** Fields in another order, {@code name} wider (no ALTER on SQLite: a rebuild), {@code sku} new. */
    @Table(name = "items")
    record Items2(@Id Integer id, String description, String sku, @Column(length = 200, nullable = false) String name,
                  Double price) {
    }

    @Test
    void aRebuildKeepsTheTablesColumnOrderAndAddsNewColumnsLast() throws Exception {
        TestDatabase.Sqlite db = TestDatabase.sqlite(tmp.resolve("order.db"));
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(Items1.class);
        journey.upgradeAndRoundTrip(one, journey.migrate("items", RenameDecider.NEVER, Items1.class));
        db.execute("INSERT INTO items VALUES (1, 'kettle', 25.5, 'boils water')");
        List<String> original = columns(db);
        assertThat(original).containsExactly("id", "name", "price", "description");

        Migrate two = journey.engine(Items2.class);
        AutogenerateResult widened = journey.migrate("wider names, sku", RenameDecider.NEVER, Items2.class);
        assertThat(Journey.read(widened.script().path())).contains("DROP TABLE items;");
        two.upgrade("head");

        assertThat(columns(db)).containsExactly("id", "name", "price", "description", "sku");
        assertThat(db.queryStrings("SELECT id || '|' || name || '|' || price || '|' || description || '|' "
                + "|| coalesce(sku, '-') FROM items")).containsExactly("1|kettle|25.5|boils water|-");
        db.execute("INSERT INTO items VALUES (2, 'teapot', 12.0, 'holds tea', 'T-2')");
        assertThat(two.check().upToDate()).isTrue();

        two.downgrade("-1");
        assertThat(columns(db)).isEqualTo(original);
        assertThat(db.queryStrings("SELECT name || '|' || price || '|' || description FROM items ORDER BY id"))
                .containsExactly("kettle|25.5|boils water", "teapot|12.0|holds tea");
    }

    private static List<String> columns(TestDatabase db) throws Exception {
        return db.queryStrings("SELECT name FROM pragma_table_info('items') ORDER BY cid");
    }
}
