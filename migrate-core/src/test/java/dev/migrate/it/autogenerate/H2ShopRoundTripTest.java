package dev.migrate.it.autogenerate;

import dev.migrate.autogenerate.RenameDecider;
import dev.migrate.command.AutogenerateResult;
import dev.migrate.command.Migrate;
import dev.migrate.command.RevisionRequest;
import dev.migrate.it.TestDatabase;
import dev.migrate.schema.ModelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The thirteen-table shop of {@link ShopRoundTripTest} on H2 (a file database): created, then release two on rows. */
class H2ShopRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void theShopIsCreatedRoundTripsAndTakesReleaseTwoOnItsRows() throws Exception {
        TestDatabase db = TestDatabase.h2(tmp);
        Journey journey = new Journey(db, tmp);
        Migrate one = journey.engine(ModelSource.annotated(ShopModels.CLASSES), ShopModels.shipments());
        AutogenerateResult shop = one.migrate(RevisionRequest.withMessage("shop"), RenameDecider.NEVER);
        assertThat(shop.detected()).hasSize(13).allMatch(line -> line.startsWith("Detected added table '"));
        journey.upgradeAndRoundTrip(one, shop);
        assertThat(one.migrate(RevisionRequest.withMessage("again"), RenameDecider.NEVER).lines())
                .containsExactly("No changes in schema detected.");

        db.execute("INSERT INTO customers (id, email, name) VALUES (1, 'ada@example.org', 'Ada')");
        db.execute("INSERT INTO customers (id, email, name, referred_by) VALUES (2, 'bob@example.org', 'Bob', 1)");
        db.execute("INSERT INTO categories (id, name, slug) VALUES (1, 'Furniture', 'furniture')");
        db.execute("INSERT INTO products (id, sku, name, price, weight_kg, category_id) VALUES (1, 'C-1', 'Chair', 19.5, 4.2, 1)");
        db.execute("INSERT INTO employees (id, email) VALUES (1, 'boss@example.org')");
        db.execute("INSERT INTO settings (\"key\", \"value\") VALUES ('theme', 'dark')");

        Migrate two = journey.engine(ModelSource.annotated(ShopModelsV2.CLASSES), ShopModels.shipments());
        AutogenerateResult release = two.migrate(RevisionRequest.withMessage("release two"), RenameDecider.NEVER);
        assertThat(release.detected()).contains("Detected added table 'wishlists'", "Detected removed table 'audit_log'");
        journey.upgradeAndRoundTrip(two, release);
        assertThat(db.queryStrings("SELECT email || '/' || COALESCE(CAST(referred_by AS VARCHAR), '-') FROM customers ORDER BY id"))
                .containsExactly("ada@example.org/-", "bob@example.org/1");
        assertThat(db.queryStrings("SELECT COALESCE(department, '-') FROM employees")).containsExactly("ops");
    }
}
